package cn.smartunion.statistics.facts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one domain event contributes to the figures, and nothing more: stored once under the event's id, so a
 * redelivered or replayed event finds its fact already there and counts nothing twice. Pseudonymous like the events.
 *
 * <p>The generic fields mean, per {@link #kind()}:
 * <ul>
 *   <li>{@code subjectId}: the aggregate (memberId, orgId, caseId, applicationId, orderId, contractId, competitionId,
 *       entryId, titleId, certificationId, honourId, innovationId, studioId);</li>
 *   <li>{@code personKeys}: the people for distinct counts, {@code M:<memberId>} or {@code P:<personId>} (a dispute
 *       names several workers);</li>
 *   <li>{@code code}: what the event is classified by (member standing, aid programme, title, honour type, contract
 *       type, innovation type, closure type, studio level);</li>
 *   <li>{@code channel}: the join channel, the funding source of aid money;</li>
 *   <li>{@code amountFen}: money in fen (paid, recovered, approved, benefit change); {@code count}: person-times,
 *       participants, workers covered;</li>
 *   <li>{@code flag}: the yes/no a rate needs (first join, within SLA, satisfied, adopted, no further complaint,
 *       studio open);</li>
 *   <li>{@code cohortOn}: the date of the event the rate's denominator counts (the case's closure for a follow-up,
 *       the order's creation for its resolution); {@code validFrom}/{@code validTo}: a contract's term.</li>
 * </ul>
 *
 * @param on the day it happened in the reports' calendar (Asia/Shanghai), from the payload's own date or instant
 * @param at when it happened, to order a member's standing changes on one day
 */
public record Fact(String id, String kind, String orgPath, LocalDate on, Instant at,
                   String subjectId, List<String> personKeys, String householdId, String unitCode,
                   Long amountFen, Long count, String code, String channel, Boolean flag, List<String> tags,
                   LocalDate cohortOn, LocalDate validFrom, LocalDate validTo) {

    public Fact {
        if (id == null || id.isBlank() || kind == null || orgPath == null || on == null) {
            throw new IllegalArgumentException("a fact needs its event id, kind, owning union and date");
        }
        personKeys = personKeys == null ? List.of() : List.copyOf(personKeys);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder of(String id, String kind, String orgPath, LocalDate on, Instant at) {
        return new Builder(id, kind, orgPath, on, at);
    }

    /** The person key of a member. */
    public static String member(String memberId) {
        return memberId == null || memberId.isBlank() ? null : "M:" + memberId;
    }

    /** The person key of a member, or of a non-member by the producer's pseudonymous person id. */
    public static String person(String memberId, String personId) {
        String member = member(memberId);
        return member != null ? member : personId == null || personId.isBlank() ? null : "P:" + personId;
    }

    public Fact withCohortOn(LocalDate date) {
        return new Fact(id, kind, orgPath, on, at, subjectId, personKeys, householdId, unitCode, amountFen, count,
                code, channel, flag, tags, date, validFrom, validTo);
    }

    public Fact withPersonKeys(List<String> keys) {
        return new Fact(id, kind, orgPath, on, at, subjectId, keys, householdId, unitCode, amountFen, count,
                code, channel, flag, tags, cohortOn, validFrom, validTo);
    }

    public static final class Builder {
        private final String id;
        private final String kind;
        private final String orgPath;
        private final LocalDate on;
        private final Instant at;
        private String subjectId;
        private List<String> personKeys = List.of();
        private String householdId;
        private String unitCode;
        private Long amountFen;
        private Long count;
        private String code;
        private String channel;
        private Boolean flag;
        private List<String> tags = List.of();
        private LocalDate cohortOn;
        private LocalDate validFrom;
        private LocalDate validTo;

        private Builder(String id, String kind, String orgPath, LocalDate on, Instant at) {
            this.id = id;
            this.kind = kind;
            this.orgPath = orgPath;
            this.on = on;
            this.at = at;
        }

        public Builder subject(String subjectId) {
            this.subjectId = subjectId;
            return this;
        }

        /** Null keys (an anonymous or unidentified party) are left out. */
        public Builder persons(List<String> keys) {
            this.personKeys = keys == null ? List.of() : keys.stream().filter(k -> k != null).distinct().toList();
            return this;
        }

        public Builder person(String key) {
            return persons(key == null ? List.of() : List.of(key));
        }

        public Builder household(String householdId) {
            this.householdId = householdId;
            return this;
        }

        public Builder unit(String unitCode) {
            this.unitCode = unitCode;
            return this;
        }

        public Builder amountFen(long amountFen) {
            this.amountFen = amountFen;
            return this;
        }

        public Builder count(long count) {
            this.count = count;
            return this;
        }

        public Builder code(Object code) {
            this.code = code == null ? null : code.toString();
            return this;
        }

        public Builder channel(Object channel) {
            this.channel = channel == null ? null : channel.toString();
            return this;
        }

        public Builder flag(boolean flag) {
            this.flag = flag;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags == null ? List.of() : tags;
            return this;
        }

        public Builder validity(LocalDate from, LocalDate to) {
            this.validFrom = from;
            this.validTo = to;
            return this;
        }

        public Fact build() {
            return new Fact(id, kind, orgPath, on, at, subjectId, personKeys, householdId, unitCode, amountFen, count,
                    code, channel, flag, tags, cohortOn, validFrom, validTo);
        }
    }
}
