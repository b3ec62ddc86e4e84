package cn.smartunion.aid.programme.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.eligibility.domain.Applicant;
import cn.smartunion.aid.eligibility.domain.Ineligibility;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.programme.domain.Programmes;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.ConflictException;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** The programme catalogue: unions define programmes; they and the unions below them run them. */
@Service
public class ProgrammeCatalogue {

    private final Programmes programmes;
    private final OrgDirectory unions;
    private final Clock clock;

    ProgrammeCatalogue(Programmes programmes, OrgDirectory unions, Clock clock) {
        this.programmes = programmes;
        this.unions = unions;
        this.clock = clock;
    }

    public Programme define(DefineProgramme command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry owner = unions.activeWithin("ownerOrgId", command.ownerOrgId(), caller);
        Programme programme = new Programme(command.code(), command.name(), command.kind(), owner.orgId(),
                owner.path(), command.eligibility(), command.cycleKind(), command.oncePerCycle(), caller.subject(),
                clock.instant());
        if (!programmes.add(programme)) {
            throw new ConflictException("a programme with code " + command.code() + " exists already");
        }
        return programme;
    }

    /** A programme the caller can see (their own unions' and those above and below them); 404 otherwise. */
    public Programme get(String code, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return programmes.findVisibleTo(code, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("programme not found"));
    }

    public PageView<Programme> list(OrgPrincipal caller, ProgrammeKind kind, int page, int size) {
        AidAccess.requireReader(caller);
        return new PageView<>(programmes.listVisibleTo(caller.orgPath(), kind, page, size), page, size,
                programmes.countVisibleTo(caller.orgPath(), kind));
    }

    /**
     * The programme a record of the union at {@code orgPath} is filed under.
     *
     * @throws AidRuleViolation on {@code field} when the code is unknown, of another kind, not available to that union
     *                          or the cycle is not one of the programme's
     */
    public Programme usable(String field, String code, ProgrammeKind kind, String orgPath, String cycle) {
        Programme programme = programmes.find(code).filter(p -> p.usableBy(orgPath))
                .orElseThrow(() -> new AidRuleViolation(field, "no such programme is available to this union"));
        if (kind != null && programme.kind() != kind) {
            throw new AidRuleViolation(field, "programme " + code + " is a " + programme.kind()
                    + " programme, not a " + kind + " one");
        }
        if (cycle != null && !programme.cycleKind().accepts(cycle)) {
            throw new AidRuleViolation("cycle", "programme " + code + " runs in cycles like "
                    + programme.cycleKind().example());
        }
        return programme;
    }

    /** @throws NotEligible with every reason the applicant does not qualify */
    public static void requireEligible(Programme programme, Applicant applicant) {
        List<Ineligibility> reasons = programme.eligibility().check(applicant);
        if (!reasons.isEmpty()) {
            throw new NotEligible(programme.code(), reasons);
        }
    }
}
