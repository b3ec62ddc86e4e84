package cn.smartunion.competition.honour.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.HonourApproved;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourNominated;
import cn.smartunion.contracts.competition.HonourType;

import java.time.Instant;
import java.util.List;

/**
 * A union's nomination (推荐) of one recipient in a selection. The conferring union approves or rejects it, never by
 * the person who nominated (maker-checker); the nominating union may withdraw it while pending. The citation may name
 * people, so it is held encrypted ({@code citationCiphertext}).
 *
 * @param orgId the nominating union
 */
public final class Nomination {

    private final String id;
    private final String selectionId;
    private final HonourType type;
    private final HonourLevel level;
    private final String cycle;
    private final String conferringOrgPath;
    private final String orgId;
    private final String orgPath;
    private final Recipient recipient;
    private final boolean frontline;
    private final List<String> groupTags;
    private final String citationCiphertext;
    private final String nominatedBy;
    private final Instant nominatedAt;
    private NominationStatus status;
    private Decision decision;
    private final long version;

    /** The conferring union's decision (or the withdrawal), by whom and why. */
    public record Decision(NominationStatus outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    public Nomination(String id, String selectionId, HonourType type, HonourLevel level, String cycle,
                      String conferringOrgPath, String orgId, String orgPath, Recipient recipient, boolean frontline,
                      List<String> groupTags, String citationCiphertext, String nominatedBy, Instant nominatedAt,
                      NominationStatus status, Decision decision, long version) {
        this.id = id;
        this.selectionId = selectionId;
        this.type = type;
        this.level = level;
        this.cycle = cycle;
        this.conferringOrgPath = conferringOrgPath;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.recipient = recipient;
        this.frontline = frontline;
        this.groupTags = groupTags == null ? List.of() : List.copyOf(groupTags);
        this.citationCiphertext = citationCiphertext;
        this.nominatedBy = nominatedBy;
        this.nominatedAt = nominatedAt;
        this.status = status;
        this.decision = decision;
        this.version = version;
    }

    public static Nomination nominate(String id, Selection selection, String orgId, String orgPath,
                                      Recipient recipient, boolean frontline, List<String> groupTags,
                                      String citationCiphertext, String nominatedBy, Instant now) {
        if (recipient.type() != selection.recipientType()) {
            throw new CompetitionRuleViolation("recipient", selection.type() + " is conferred on recipients of type "
                    + selection.recipientType());
        }
        return new Nomination(id, selection.id(), selection.type(), selection.level(), selection.cycle(),
                selection.orgPath(), orgId, orgPath, recipient, frontline, groupTags, citationCiphertext, nominatedBy,
                now, NominationStatus.PENDING, null, 0);
    }

    public HonourNominated nominated() {
        return new HonourNominated(id, selectionId, type, level, cycle, recipient.type(), recipient.memberId(),
                recipient.personId(), recipient.teamId(), recipient.unitCreditCode(), frontline, groupTags, orgId,
                orgPath, conferringOrgPath, nominatedAt);
    }

    /** @throws MakerCheckerViolation when the approver nominated it */
    public HonourApproved approve(String approver, String reason, Instant now) {
        decide(NominationStatus.APPROVED, approver, reason, now);
        return new HonourApproved(id, selectionId, type, level, cycle, recipient.type(), recipient.memberId(),
                recipient.personId(), recipient.teamId(), recipient.unitCreditCode(), frontline, orgId, orgPath,
                conferringOrgPath, now);
    }

    public void reject(String approver, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new CompetitionRuleViolation("reason", "a reason is required to reject a nomination");
        }
        decide(NominationStatus.REJECTED, approver, reason, now);
    }

    public void withdraw(String by, Instant now) {
        requirePending();
        status = NominationStatus.WITHDRAWN;
        decision = new Decision(NominationStatus.WITHDRAWN, null, by, now);
    }

    private void decide(NominationStatus outcome, String approver, String reason, Instant now) {
        requirePending();
        if (approver.equals(nominatedBy)) {
            throw new MakerCheckerViolation("the nomination must be decided by someone other than its nominator");
        }
        status = outcome;
        decision = new Decision(outcome, reason, approver, now);
    }

    private void requirePending() {
        if (status != NominationStatus.PENDING) {
            throw new CompetitionStatusConflict("the nomination", status.name());
        }
    }

    public String id() { return id; }
    public String selectionId() { return selectionId; }
    public HonourType type() { return type; }
    public HonourLevel level() { return level; }
    public String cycle() { return cycle; }
    public String conferringOrgPath() { return conferringOrgPath; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public Recipient recipient() { return recipient; }
    public boolean frontline() { return frontline; }
    public List<String> groupTags() { return groupTags; }
    public String citationCiphertext() { return citationCiphertext; }
    public String nominatedBy() { return nominatedBy; }
    public Instant nominatedAt() { return nominatedAt; }
    public NominationStatus status() { return status; }
    public Decision decision() { return decision; }
    public long version() { return version; }
}
