package cn.smartunion.competition.access;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Component;

/** The unions a caller may place competition records under: known from the org directory, in their subtree, not dissolved. */
@Component
public class Unions {

    private final OrgDirectory directory;

    Unions(OrgDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param field the request field that named the union, for the 400 when it is dissolved
     * @throws NotFoundException when the union is unknown or outside the caller's subtree
     */
    public OrgDirectoryEntry activeWithin(String field, String orgId, OrgPrincipal caller) {
        OrgDirectoryEntry org = directory.findWithin(orgId, caller)
                .orElseThrow(() -> new NotFoundException("union organisation not found"));
        if (org.dissolved()) {
            throw new CompetitionRuleViolation(field, "the union organisation has been dissolved");
        }
        return org;
    }
}
