package cn.smartunion.competition.registration.domain;

/** Where an entry stands; withdrawal and disqualification are final. */
public enum EntryStatus {
    REGISTERED, WITHDRAWN, DISQUALIFIED
}
