package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A worker was certified at a skill level in a trade (技能等级认定; topic {@code competition.honour.v1},
 * key = certificationId). Certified levels feed skill-based wage bargaining (能级工资).
 *
 * @param competitionId the competition whose result led to it, null otherwise
 */
public record SkillLevelCertified(
        String certificationId,
        String personId,
        String memberId,
        String trade,
        SkillLevel level,
        Certifier certifier,
        String competitionId,
        String orgId,
        String orgPath,
        LocalDate certifiedOn,
        Instant recordedAt) {
}
