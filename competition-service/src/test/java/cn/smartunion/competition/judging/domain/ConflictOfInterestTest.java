package cn.smartunion.competition.judging.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictOfInterestTest {

    private static StageEntry entry(String unitCreditCode, StageEntry.Participant... participants) {
        return new StageEntry("e-1", "c-1", "org-420322", "420000/420300/420322", "TEAM", "WELDER", "REGISTERED",
                List.of("FINAL"), List.of(participants), unitCreditCode);
    }

    private static StageEntry.Participant p(String memberId, String orgId, String employer) {
        return new StageEntry.Participant("p-" + memberId, memberId, orgId, employer, false);
    }

    @Test
    void ownEntrySameUnionAndSameEmployerExcludeTheJudge() {
        StageEntry team = entry("91420300MA000000X1", p("m-1", "org-A", "EMP-1"), p("m-2", "org-B", null));

        assertThat(ConflictOfInterest.between("m-2", "org-Z", null, team)).contains(ExclusionReason.OWN_ENTRY);
        assertThat(ConflictOfInterest.between("j-1", "org-B", null, team)).contains(ExclusionReason.SAME_UNION);
        assertThat(ConflictOfInterest.between("j-1", "org-Z", "EMP-1", team)).contains(ExclusionReason.SAME_EMPLOYER);
        assertThat(ConflictOfInterest.between("j-1", "org-Z", "91420300MA000000X1", team))
                .contains(ExclusionReason.SAME_EMPLOYER);
        assertThat(ConflictOfInterest.between("j-1", "org-Z", "EMP-9", team)).isEmpty();
        assertThat(ConflictOfInterest.between("j-1", null, null, entry(null, p(null, null, null)))).isEmpty();
    }
}
