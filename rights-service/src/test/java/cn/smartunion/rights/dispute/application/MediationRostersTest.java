package cn.smartunion.rights.dispute.application;

import cn.smartunion.contracts.rights.MediationBody;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.smartunion.contracts.rights.MediationBody.COURT;
import static cn.smartunion.contracts.rights.MediationBody.EMPLOYER;
import static cn.smartunion.contracts.rights.MediationBody.GOVERNANCE_CENTRE;
import static cn.smartunion.contracts.rights.MediationBody.HR_ARBITRATION;
import static cn.smartunion.contracts.rights.MediationBody.JUSTICE_BUREAU;
import static cn.smartunion.contracts.rights.MediationBody.PROCURATORATE;
import static cn.smartunion.contracts.rights.MediationBody.UNION;
import static org.assertj.core.api.Assertions.assertThat;

class MediationRostersTest {

    private final MediationRosters rosters = new MediationRosters(Map.of(
            "420000", List.of(UNION, COURT, PROCURATORATE, HR_ARBITRATION, JUSTICE_BUREAU),
            "420000/420300", List.of(UNION, COURT, HR_ARBITRATION, JUSTICE_BUREAU, GOVERNANCE_CENTRE)), null);

    @Test
    void aCaseUsesTheRosterOfItsUnionOrTheNearestAncestorConfigured() {
        assertThat(rosters.rosterFor("420000")).containsExactlyInAnyOrder(UNION, COURT, PROCURATORATE,
                HR_ARBITRATION, JUSTICE_BUREAU);
        assertThat(rosters.rosterFor("420000/420300/420322")).contains(GOVERNANCE_CENTRE)
                .doesNotContain(PROCURATORATE);
        assertThat(rosters.rosterFor("420000/420300")).contains(GOVERNANCE_CENTRE);
    }

    @Test
    void outsideAnyConfiguredJurisdictionTheDefaultRosterApplies() {
        assertThat(rosters.rosterFor("310000/310100")).containsExactlyInAnyOrder(UNION, HR_ARBITRATION,
                JUSTICE_BUREAU, EMPLOYER);
        assertThat(new MediationRosters(null, List.of(MediationBody.OTHER)).rosterFor("420000"))
                .containsExactly(MediationBody.OTHER);
    }
}
