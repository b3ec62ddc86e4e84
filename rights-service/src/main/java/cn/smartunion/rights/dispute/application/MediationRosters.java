package cn.smartunion.rights.dispute.application;

import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.runtime.scope.OrgScope;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies that take part in mediation (多元调解) in each jurisdiction: {@code rosters} maps an org path to its
 * roster; a case uses the roster of its union or of the nearest ancestor configured, else {@code defaultRoster}
 * (the union, labour arbitration, the justice bureau and the employer: the bodies present everywhere).
 *
 * <pre>
 * smartunion.rights.mediation.rosters:
 *   "[420000]": [UNION, COURT, PROCURATORATE, HR_ARBITRATION, JUSTICE_BUREAU]
 *   "[420000/420300]": [UNION, COURT, HR_ARBITRATION, JUSTICE_BUREAU, GOVERNANCE_CENTRE]
 * </pre>
 */
@ConfigurationProperties("smartunion.rights.mediation")
public record MediationRosters(
        Map<String, List<MediationBody>> rosters,
        @DefaultValue({"UNION", "HR_ARBITRATION", "JUSTICE_BUREAU", "EMPLOYER"}) List<MediationBody> defaultRoster) {

    public MediationRosters {
        rosters = rosters == null ? Map.of() : Map.copyOf(rosters);
        defaultRoster = defaultRoster == null || defaultRoster.isEmpty()
                ? List.of(MediationBody.UNION, MediationBody.HR_ARBITRATION, MediationBody.JUSTICE_BUREAU,
                MediationBody.EMPLOYER)
                : List.copyOf(defaultRoster);
    }

    /** The roster for a case owned by the union at {@code orgPath}. */
    public Set<MediationBody> rosterFor(String orgPath) {
        List<String> paths = OrgScope.selfAndAncestors(orgPath);
        for (int i = paths.size() - 1; i >= 0; i--) {
            List<MediationBody> roster = rosters.get(paths.get(i));
            if (roster != null && !roster.isEmpty()) {
                return EnumSet.copyOf(roster);
            }
        }
        return EnumSet.copyOf(defaultRoster);
    }
}
