package cn.smartunion.competition.honour.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.SkillLevelCertified;
import cn.smartunion.contracts.competition.SkillLevel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A skill-level certification (技能等级认定) a union recorded: made by the enterprise, 人社 or a social institution
 * (results of competitions are recorded by judging). Its id derives from (person, trade, level, certifier, date), so
 * recording it again changes nothing.
 *
 * @param orgId the union that recorded it
 */
public record Certification(String id, String personId, String memberId, String trade, SkillLevel level,
                            Certifier certifier, String certifyingBody, LocalDate certifiedOn, String orgId,
                            String orgPath, String recordedBy, Instant recordedAt) {

    public static Certification record(String personId, String memberId, String trade, SkillLevel level,
                                       Certifier certifier, String certifyingBody, LocalDate certifiedOn,
                                       LocalDate today, String orgId, String orgPath, String recordedBy, Instant now) {
        if (certifier == Certifier.COMPETITION_RESULT) {
            throw new CompetitionRuleViolation("certifier", "certifications from competition results come from judging");
        }
        if (certifiedOn.isAfter(today)) {
            throw new CompetitionRuleViolation("certifiedOn", "must not be in the future");
        }
        String id = UUID.nameUUIDFromBytes(String.join("|", "certification", personId, trade, level.name(),
                certifier.name(), certifiedOn.toString()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Certification(id, personId, memberId, trade, level, certifier, certifyingBody, certifiedOn, orgId,
                orgPath, recordedBy, now);
    }

    public SkillLevelCertified certified() {
        return new SkillLevelCertified(id, personId, memberId, trade, level, certifier, null, orgId, orgPath,
                certifiedOn, recordedAt);
    }
}
