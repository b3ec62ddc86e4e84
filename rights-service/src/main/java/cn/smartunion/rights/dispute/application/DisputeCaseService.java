package cn.smartunion.rights.dispute.application;

import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.ReferralBody;
import cn.smartunion.contracts.rights.ReopeningCause;
import cn.smartunion.rights.access.RightsAccess;
import cn.smartunion.rights.dispute.domain.CaseRuleViolation;
import cn.smartunion.rights.dispute.domain.CaseStatusConflict;
import cn.smartunion.rights.dispute.domain.DisputeCase;
import cn.smartunion.rights.dispute.domain.DisputeCases;
import cn.smartunion.rights.dispute.domain.DisputeStatus;
import cn.smartunion.rights.dispute.domain.Party;
import cn.smartunion.rights.dispute.domain.WorkerParty;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Labour dispute cases: rights agents open and close them, grant legal aid, refer them; mediators and agents record
 * mediation; analysts read. Every change is one conditional write of the case with its events; a change that lost a
 * race is tried again on the fresh case, so the loser of two concurrent decisions gets the 409 of the status it
 * finds.
 */
@Service
@EnableConfigurationProperties(MediationRosters.class)
public class DisputeCaseService {

    private static final int ATTEMPTS = 3;

    private final DisputeCases cases;
    private final PersonRegistry people;
    private final OrgDirectory unions;
    private final PersonalDataProtector protector;
    private final MediationRosters rosters;
    private final Clock clock;
    private final ZoneId zone;
    private final int followUpWindowDays;

    DisputeCaseService(DisputeCases cases, PersonRegistry people, OrgDirectory unions, PersonalDataProtector protector,
                       MediationRosters rosters, Clock clock,
                       @Value("${smartunion.rights.calendar.zone:Asia/Shanghai}") ZoneId zone,
                       @Value("${smartunion.rights.follow-up-window:90d}") Duration followUpWindow) {
        this.cases = cases;
        this.people = people;
        this.unions = unions;
        this.protector = protector;
        this.rosters = rosters;
        this.clock = clock;
        this.zone = zone;
        this.followUpWindowDays = (int) Math.max(1, Math.min(3650, followUpWindow.toDays()));
    }

    public DisputeCase open(OpenCase command, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        OrgDirectoryEntry union = unions.activeWithin("orgId", command.orgId(), caller);
        Party employer = party("employer", command.employer());
        Party platform = command.platform() == null ? null : party("platform", command.platform());
        List<WorkerParty> workers = new ArrayList<>();
        for (int i = 0; i < command.workers().size(); i++) {
            OpenCase.Worker w = command.workers().get(i);
            RegisteredPerson person = people.register("workers[" + i + "]", w.citizenIdNumber(), w.legalName());
            workers.add(new WorkerParty(person.personId(), person.maskedName(), person.maskedIdNumber(),
                    w.memberId(), w.groupTags() == null ? List.of() : w.groupTags().stream().distinct().toList()));
        }
        Instant now = clock.instant();
        DisputeCase.Opening opening = domain(() -> DisputeCase.open(UUID.randomUUID().toString(), union.orgId(),
                union.path(), command.intake(), command.workOrderId(), command.claimTypes(), workers, employer,
                platform, command.amountClaimedFen(), command.collective(), command.crossProvince(), now,
                LocalDate.ofInstant(now, zone), caller.subject()));
        cases.add(opening.disputeCase(), List.of(opening.event()));
        return opening.disputeCase();
    }

    public DisputeCase get(String id, OrgPrincipal caller) {
        RightsAccess.requireReader(caller);
        return load(id, caller);
    }

    public PageView<DisputeCase> list(OrgPrincipal caller, DisputeStatus status, ClaimType claimType, String orgId,
                                      int page, int size) {
        RightsAccess.requireReader(caller);
        DisputeCases.CaseFilter filter = new DisputeCases.CaseFilter(caller.orgPath(), status, claimType, orgId);
        return new PageView<>(cases.list(filter, page, size), page, size, cases.count(filter));
    }

    public DisputeCase grantLegalAid(String id, String lawyerId, LocalDate grantedOn, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, c -> List.of(c.grantLegalAid(lawyerId, grantedOn)));
    }

    public DisputeCase holdMediationSession(String id, MediationBody mechanism, List<MediationBody> partiesPresent,
                                            LocalDate heldOn, OrgPrincipal caller) {
        RightsAccess.requireCaseWorker(caller);
        return change(id, caller, c -> List.of(c.holdMediationSession(UUID.randomUUID().toString(), mechanism,
                partiesPresent, heldOn, rosters.rosterFor(c.orgPath()), caller.subject())));
    }

    public DisputeCase reachAgreement(String id, long agreedFen, LocalDate reachedOn, OrgPrincipal caller) {
        RightsAccess.requireCaseWorker(caller);
        return change(id, caller, c -> List.of(c.reachAgreement(agreedFen, reachedOn)));
    }

    public DisputeCase failMediation(String id, LocalDate failedOn, OrgPrincipal caller) {
        RightsAccess.requireCaseWorker(caller);
        return change(id, caller, c -> List.of(c.failMediation(failedOn)));
    }

    public DisputeCase refer(String id, ReferralBody toBody, LocalDate referredOn, String reference,
                             OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, c -> List.of(c.refer(toBody, referredOn, reference)));
    }

    public DisputeCase recordOutcome(String id, String outcome, Long awardedFen, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        String encrypted = outcome == null || outcome.isBlank() ? null : protector.encrypt(outcome.strip());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return change(id, caller, c -> {
            c.recordOutcome(encrypted, awardedFen, today);
            return List.of();
        });
    }

    public DisputeCase close(String id, ClosureType closureType, long amountRecoveredFen, int workersBenefited,
                             LocalDate closedOn, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, c -> List.of(c.close(closureType, amountRecoveredFen, workersBenefited, closedOn,
                followUpWindowDays, clock.instant())));
    }

    public DisputeCase completeFollowUp(String id, boolean reComplained, LocalDate completedOn, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, c -> List.of(c.completeFollowUp(reComplained, completedOn)));
    }

    public DisputeCase reopen(String id, ReopeningCause cause, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        return change(id, caller, c -> List.of(c.reopen(cause, clock.instant())));
    }

    /** Refers the worker at {@code workerIndex} (or with {@code personId}) to hardship aid; returns the referral id. */
    public String referToHardshipAid(String id, Integer workerIndex, String personId, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        String referralId = DisputeCase.newReferralId();
        change(id, caller, c -> {
            String field = workerIndex != null ? "workerIndex" : "personId";
            String person = personId;
            if (workerIndex != null) {
                if (workerIndex < 0 || workerIndex >= c.workers().size()) {
                    throw new CaseRuleViolation("workerIndex", "there is no worker at this index");
                }
                person = c.workers().get(workerIndex).personId();
            }
            return List.of(c.referToHardshipAid(field, person, referralId, clock.instant()));
        });
        return referralId;
    }

    private DisputeCase load(String id, OrgPrincipal caller) {
        return cases.findWithin(id, caller.orgPath()).orElseThrow(() -> new NotFoundException("dispute case not found"));
    }

    private DisputeCase change(String id, OrgPrincipal caller, Function<DisputeCase, List<Object>> action) {
        for (int attempt = 1; ; attempt++) {
            DisputeCase c = load(id, caller);
            List<Object> events = domain(() -> action.apply(c));
            try {
                cases.update(c, events);
                return c;
            } catch (DisputeCases.ConcurrentUpdate raced) {
                if (attempt >= ATTEMPTS) {
                    throw new RightsStatusConflict("the dispute case was changed meanwhile", c.status().name());
                }
            }
        }
    }

    private Party party(String field, OpenCase.Organisation organisation) {
        if (organisation.creditCode() == null || !UnifiedSocialCreditCode.isValid(organisation.creditCode())) {
            throw new RightsRuleViolation(field + ".creditCode", "is not a valid unified social credit code");
        }
        String code = UnifiedSocialCreditCode.parse(organisation.creditCode()).value();
        String partyId = UUID.nameUUIDFromBytes((field + ":" + code).getBytes(StandardCharsets.UTF_8)).toString();
        String name = organisation.name() == null || organisation.name().isBlank() ? null
                : protector.encrypt(organisation.name().strip());
        return new Party(partyId, code, name);
    }

    /** Runs domain code, turning its rule and status errors into the rights problems (400 / 409). */
    private static <T> T domain(java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (CaseRuleViolation violation) {
            throw new RightsRuleViolation(violation.field(), violation.getMessage());
        } catch (CaseStatusConflict conflict) {
            throw new RightsStatusConflict(conflict.getMessage(), conflict.status());
        }
    }

    /** The plain outcome text of a referral, for case workers. */
    public String outcomeText(DisputeCase c) {
        return c.referral() == null || c.referral().encryptedOutcome() == null ? null
                : protector.decrypt(c.referral().encryptedOutcome());
    }
}
