package cn.smartunion.rights.bargaining.application;

import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.rights.access.RightsAccess;
import cn.smartunion.rights.bargaining.domain.CollectiveContract;
import cn.smartunion.rights.bargaining.domain.CollectiveContracts;
import cn.smartunion.rights.bargaining.domain.CoveredUnit;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Collective bargaining (集体协商) by rights agents within their subtree: the offer (要约), negotiation, the workers'
 * congress vote, signature, filing with 人社 and renewal. Every step is one conditional update; the loser of two
 * concurrent steps gets a 409 with the current status.
 */
@Service
public class CollectiveBargaining {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CollectiveContracts contracts;
    private final OrgDirectory unions;
    private final Clock clock;

    CollectiveBargaining(CollectiveContracts contracts, OrgDirectory unions, Clock clock) {
        this.contracts = contracts;
        this.unions = unions;
        this.clock = clock;
    }

    public record Unit(String creditCode, String name) {
    }

    public record OfferBargaining(String orgId, ContractType contractType, List<Unit> units, int workersCovered,
                                  String offerCampaign, LocalDate offeredOn) {

        @Override
        public String toString() {
            return "OfferBargaining[" + contractType + ", " + units.size() + " units]";
        }
    }

    public CollectiveContract offer(OfferBargaining command, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        List<CoveredUnit> units = new ArrayList<>(command.units().size());
        for (int i = 0; i < command.units().size(); i++) {
            Unit unit = command.units().get(i);
            units.add(new CoveredUnit(creditCode("units[" + i + "].creditCode", unit.creditCode()),
                    unit.name().strip()));
        }
        CollectiveContract contract = CollectiveContract.offer(UUID.randomUUID().toString(), org.orgId(), org.path(),
                command.contractType(), units, command.workersCovered(), command.offerCampaign(), command.offeredOn(),
                caller.subject(), clock.instant());
        contracts.add(contract, contract.offerIssued());
        return contract;
    }

    public CollectiveContract startNegotiation(String id, OrgPrincipal caller) {
        return change(id, caller, c -> {
            c.startNegotiation();
            return null;
        });
    }

    public CollectiveContract approveByCongress(String id, LocalDate approvedOn, int votesFor, int votesTotal,
                                                OrgPrincipal caller) {
        return change(id, caller, c -> {
            c.approveByCongress(approvedOn, votesFor, votesTotal);
            return null;
        });
    }

    public CollectiveContract sign(String id, LocalDate signedOn, LocalDate effectiveFrom, LocalDate effectiveTo,
                                   OrgPrincipal caller) {
        return change(id, caller, c -> c.sign(signedOn, effectiveFrom, effectiveTo));
    }

    public CollectiveContract file(String id, LocalDate filedOn, String filingReference, OrgPrincipal caller) {
        return change(id, caller, c -> {
            c.file(filedOn, filingReference.strip());
            return null;
        });
    }

    /** The renewal contract must be another contract the caller can see, made through the normal flow. */
    public CollectiveContract renew(String id, String renewalContractId, OrgPrincipal caller) {
        RightsAccess.requireAgent(caller);
        if (contracts.findWithin(renewalContractId, caller.orgPath()).isEmpty()) {
            throw new RightsRuleViolation("renewalContractId", "no such collective contract in your organisation");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return change(id, caller, c -> c.renew(renewalContractId, today));
    }

    public CollectiveContract get(String id, OrgPrincipal caller) {
        RightsAccess.requireReader(caller);
        return find(id, caller);
    }

    public PageView<CollectiveContract> list(OrgPrincipal caller, CollectiveContracts.Filter filter, int page,
                                             int size) {
        RightsAccess.requireReader(caller);
        return new PageView<>(contracts.listWithin(caller.orgPath(), filter, page, size), page, size,
                contracts.countWithin(caller.orgPath(), filter));
    }

    public CollectiveContracts.Coverage coverage(OrgPrincipal caller) {
        RightsAccess.requireReader(caller);
        return contracts.coverageInForce(caller.orgPath());
    }

    private CollectiveContract change(String id, OrgPrincipal caller, Function<CollectiveContract, Object> step) {
        RightsAccess.requireAgent(caller);
        CollectiveContract contract = find(id, caller);
        Object event = step.apply(contract);
        try {
            contracts.update(contract, event);
        }
        catch (CollectiveContracts.ConcurrentChange lost) {
            throw new RightsStatusConflict("the collective contract", find(id, caller).status().name());
        }
        return contract;
    }

    private CollectiveContract find(String id, OrgPrincipal caller) {
        return contracts.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("collective contract not found"));
    }

    private static String creditCode(String field, String text) {
        try {
            return UnifiedSocialCreditCode.parse(text).value();
        }
        catch (InvalidUnifiedSocialCreditCodeException invalid) {
            throw new RightsRuleViolation(field, "not a valid unified social credit code (" + invalid.reason() + ")",
                    invalid);
        }
    }
}
