package cn.smartunion.competition.honour.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RecipientType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A selection round (评选) a union opens for one honour in one cycle: unions of its subtree nominate within the window,
 * the conferring union approves, and at the conference every approved nomination becomes an honour. An optional quota
 * caps the nominations per nominating union; an optional minimum frontline share (向一线职工倾斜) is checked over the
 * approved individuals at conferral.
 *
 * @param orgId            the conferring union
 * @param quotaPerUnion    nominations per nominating union, null for no cap
 * @param minFrontlineShare e.g. 0.6 = at least 60 % of the approved individuals are frontline workers; null for none
 */
public record Selection(String id, String orgId, String orgPath, HonourType type, HonourLevel level, String cycle,
                        LocalDate nominationOpens, LocalDate nominationCloses, Integer quotaPerUnion,
                        Double minFrontlineShare, SelectionStatus status, LocalDate conferredOn, String openedBy,
                        Instant openedAt) {

    static final Pattern CYCLE = Pattern.compile("[0-9]{4}(-[0-9]{4})?");

    public static Selection open(String id, String orgId, String orgPath, HonourType type, HonourLevel level,
                                 String cycle, LocalDate opens, LocalDate closes, Integer quotaPerUnion,
                                 Double minFrontlineShare, String openedBy, Instant now) {
        if (cycle == null || !CYCLE.matcher(cycle).matches()) {
            throw new CompetitionRuleViolation("cycle", "a year or a span of years, e.g. 2026 or 2021-2025");
        }
        if (cycle.length() == 9 && cycle.substring(5).compareTo(cycle.substring(0, 4)) < 0) {
            throw new CompetitionRuleViolation("cycle", "the span must not end before it starts");
        }
        if (closes.isBefore(opens)) {
            throw new CompetitionRuleViolation("nominationCloses", "the window must not close before it opens");
        }
        if (quotaPerUnion != null && quotaPerUnion < 1) {
            throw new CompetitionRuleViolation("quotaPerUnion", "at least 1 when given");
        }
        if (minFrontlineShare != null && (minFrontlineShare <= 0 || minFrontlineShare > 1)) {
            throw new CompetitionRuleViolation("minFrontlineShare", "a share above 0 and at most 1, e.g. 0.6");
        }
        if (minFrontlineShare != null && type.recipientType() != RecipientType.INDIVIDUAL) {
            throw new CompetitionRuleViolation("minFrontlineShare", "applies to honours for individuals only");
        }
        return new Selection(id, orgId, orgPath, type, level, cycle, opens, closes, quotaPerUnion, minFrontlineShare,
                SelectionStatus.OPEN, null, openedBy, now);
    }

    public RecipientType recipientType() {
        return type.recipientType();
    }

    /** Nominations are taken from the window's first to its last day, and never after the conference. */
    public void requireTakingNominations(LocalDate today) {
        requireOpen();
        if (today.isBefore(nominationOpens)) {
            throw new CompetitionStatusConflict("the nomination window", "NOT_YET_OPEN");
        }
        if (today.isAfter(nominationCloses)) {
            throw new CompetitionStatusConflict("the nomination window", "CLOSED");
        }
    }

    public void requireOpen() {
        if (status != SelectionStatus.OPEN) {
            throw new CompetitionStatusConflict("the selection", status.name());
        }
    }

    /**
     * The frontline rule over the approved individuals.
     *
     * @throws FrontlineShareNotMet when fewer than the minimum share of them are frontline workers
     */
    public void requireFrontlineShare(long frontline, long individuals) {
        if (minFrontlineShare == null || individuals == 0) {
            return;
        }
        // integers, so that 0.6 of 5 asks for exactly 3
        long required = (long) Math.ceil(Math.round(minFrontlineShare * 10_000) * individuals / 10_000.0);
        if (frontline < required) {
            throw new FrontlineShareNotMet(frontline, individuals, required, minFrontlineShare);
        }
    }
}
