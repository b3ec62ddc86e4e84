package cn.smartunion.rights.bargaining.domain;

import cn.smartunion.contracts.rights.CollectiveBargainingOfferIssued;
import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.CollectiveContractRenewed;
import cn.smartunion.contracts.rights.CollectiveContractSigned;
import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A collective contract (集体合同) from the union's offer to bargain (要约) to its expiry or renewal. Industry-wide and
 * regional contracts (行业性 / 区域性) cover many employing units, the others exactly one. State changes return the
 * contract event they raise, or null.
 */
public final class CollectiveContract {

    public static final int MAX_UNITS = 10_000;
    /**
     * A collective contract runs for one to three years (《集体合同规定》 art. 38, the practice under the Labour
     * Contract Law): {@code effectiveTo} is at most three years after {@code effectiveFrom}, the day before the
     * third anniversary being the last allowed day.
     */
    public static final int MAX_TERM_YEARS = 3;

    private static final Set<ContractType> MULTI_UNIT = EnumSet.of(ContractType.INDUSTRY, ContractType.REGIONAL);

    private final String id;
    private final String orgId;
    private final String orgPath;
    private final ContractType contractType;
    private final List<CoveredUnit> units;
    private final int unitsCovered;
    private final int workersCovered;
    private final String offerCampaign;
    private final LocalDate offeredOn;
    private final String createdBy;
    private final Instant createdAt;
    private ContractStatus status;
    private Congress congress;
    private Term term;
    private Filing filing;
    private String renewalContractId;
    private final Long version;

    public record Congress(LocalDate approvedOn, int votesFor, int votesTotal) {
    }

    public record Term(LocalDate signedOn, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    public record Filing(LocalDate filedOn, String filingReference) {
    }

    public CollectiveContract(String id, String orgId, String orgPath, ContractType contractType,
                              List<CoveredUnit> units, int unitsCovered, int workersCovered, String offerCampaign,
                              LocalDate offeredOn,
                              String createdBy, Instant createdAt, ContractStatus status, Congress congress,
                              Term term, Filing filing, String renewalContractId, Long version) {
        this.id = id;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.contractType = contractType;
        this.units = List.copyOf(units);
        this.unitsCovered = unitsCovered;
        this.workersCovered = workersCovered;
        this.offerCampaign = offerCampaign;
        this.offeredOn = offeredOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = status;
        this.congress = congress;
        this.term = term;
        this.filing = filing;
        this.renewalContractId = renewalContractId;
        this.version = version;
    }

    /** The union's offer to bargain: the unit count must fit the contract type, and no unit may appear twice. */
    public static CollectiveContract offer(String id, String orgId, String orgPath, ContractType type,
                                           List<CoveredUnit> units, int workersCovered, String offerCampaign,
                                           LocalDate offeredOn, String createdBy, Instant now) {
        if (units.isEmpty() || units.size() > MAX_UNITS) {
            throw new RightsRuleViolation("units", "a contract covers 1 to " + MAX_UNITS + " employing units");
        }
        if (!MULTI_UNIT.contains(type) && units.size() != 1) {
            throw new RightsRuleViolation("units", "a " + type + " contract covers exactly one employing unit; "
                    + "only INDUSTRY and REGIONAL contracts cover several");
        }
        if (units.stream().map(CoveredUnit::creditCode).distinct().count() != units.size()) {
            throw new RightsRuleViolation("units", "an employing unit is listed twice");
        }
        return new CollectiveContract(id, orgId, orgPath, type, units, units.size(), workersCovered, offerCampaign,
                offeredOn, createdBy, now, ContractStatus.OFFER_ISSUED, null, null, null, null, null);
    }

    public CollectiveBargainingOfferIssued offerIssued() {
        return new CollectiveBargainingOfferIssued(id, contractType, orgId, orgPath, unitsCovered, workersCovered,
                offerCampaign, offeredOn);
    }

    public void startNegotiation() {
        require(ContractStatus.OFFER_ISSUED);
        status = ContractStatus.NEGOTIATING;
    }

    /** The workers' congress (职代会) approved the draft: more than half of all votes must be for it. */
    public void approveByCongress(LocalDate approvedOn, int votesFor, int votesTotal) {
        require(ContractStatus.NEGOTIATING);
        if (votesTotal <= 0) {
            throw new RightsRuleViolation("votesTotal", "the congress must have cast votes");
        }
        if (votesFor > votesTotal) {
            throw new RightsRuleViolation("votesFor", "more votes for than votes cast");
        }
        if ((long) votesFor * 2 <= votesTotal) {
            throw new RightsRuleViolation("votesFor",
                    "the draft needs more than half of the congress's votes (votesFor > votesTotal / 2)");
        }
        if (approvedOn.isBefore(offeredOn)) {
            throw new RightsRuleViolation("approvedOn", "the congress cannot approve before the offer was issued");
        }
        status = ContractStatus.CONGRESS_APPROVED;
        congress = new Congress(approvedOn, votesFor, votesTotal);
    }

    public CollectiveContractSigned sign(LocalDate signedOn, LocalDate effectiveFrom, LocalDate effectiveTo) {
        require(ContractStatus.CONGRESS_APPROVED);
        if (signedOn.isBefore(congress.approvedOn())) {
            throw new RightsRuleViolation("signedOn", "the contract cannot be signed before the congress approved it");
        }
        if (effectiveTo.isBefore(effectiveFrom)) {
            throw new RightsRuleViolation("effectiveTo", "the contract must end on or after its first day");
        }
        if (!effectiveTo.isBefore(effectiveFrom.plusYears(MAX_TERM_YEARS))) {
            throw new RightsRuleViolation("effectiveTo",
                    "a collective contract runs for at most three years (集体合同规定 art. 38)");
        }
        status = ContractStatus.SIGNED;
        term = new Term(signedOn, effectiveFrom, effectiveTo);
        return new CollectiveContractSigned(id, contractType, orgId, orgPath, unitsCovered, workersCovered,
                congress.approvedOn(), signedOn, effectiveFrom, effectiveTo);
    }

    /** Filed with 人社 for review (审查备案). */
    public void file(LocalDate filedOn, String filingReference) {
        require(ContractStatus.SIGNED);
        if (filedOn.isBefore(term.signedOn())) {
            throw new RightsRuleViolation("filedOn", "the contract cannot be filed before it was signed");
        }
        status = ContractStatus.FILED;
        filing = new Filing(filedOn, filingReference);
    }

    /**
     * What {@code today} makes of a filed or in-force contract: in force from its first day, expired after its last
     * (an {@link CollectiveContractExpired} raised once, by this change). Null when nothing changes.
     */
    public CollectiveContractExpired passTime(LocalDate today) {
        if (status != ContractStatus.FILED && status != ContractStatus.IN_FORCE) {
            return null;
        }
        if (today.isAfter(term.effectiveTo())) {
            status = ContractStatus.EXPIRED;
            return new CollectiveContractExpired(id, contractType, orgId, orgPath, unitsCovered, workersCovered,
                    term.effectiveTo().plusDays(1));
        }
        if (status == ContractStatus.FILED && !today.isBefore(term.effectiveFrom())) {
            status = ContractStatus.IN_FORCE;
        }
        return null;
    }

    /** A new contract, made through the normal flow, follows this one (续签). */
    public CollectiveContractRenewed renew(String renewalContractId, LocalDate today) {
        if (status != ContractStatus.IN_FORCE && status != ContractStatus.EXPIRED && status != ContractStatus.FILED) {
            throw new RightsStatusConflict("the collective contract", status.name());
        }
        if (renewalContractId.equals(id)) {
            throw new RightsRuleViolation("renewalContractId", "a contract cannot renew itself");
        }
        status = ContractStatus.RENEWED;
        this.renewalContractId = renewalContractId;
        return new CollectiveContractRenewed(id, renewalContractId, contractType, orgId, orgPath, today);
    }

    private void require(ContractStatus expected) {
        if (status != expected) {
            throw new RightsStatusConflict("the collective contract", status.name());
        }
    }

    public String id() { return id; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public ContractType contractType() { return contractType; }
    /** The units, or empty when the contract was read without them (lists). */
    public List<CoveredUnit> units() { return units; }
    public int unitsCovered() { return unitsCovered; }
    public int workersCovered() { return workersCovered; }
    public String offerCampaign() { return offerCampaign; }
    public LocalDate offeredOn() { return offeredOn; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public ContractStatus status() { return status; }
    public Congress congress() { return congress; }
    public Term term() { return term; }
    public Filing filing() { return filing; }
    public String renewalContractId() { return renewalContractId; }
    public Long version() { return version; }
}
