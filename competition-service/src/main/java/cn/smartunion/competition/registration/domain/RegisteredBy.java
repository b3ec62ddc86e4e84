package cn.smartunion.competition.registration.domain;

import cn.smartunion.contracts.competition.RegistrarKind;

/** Who registered an entry (the actor; the participants are the subject): their account and union. */
public record RegisteredBy(RegistrarKind kind, String subject, String orgPath) {
}
