package cn.smartunion.statistics.metrics.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.statistics.config.StatisticsProperties;
import cn.smartunion.statistics.facts.adapter.out.mongo.MongoFacts;
import cn.smartunion.statistics.facts.domain.EventFacts;
import cn.smartunion.statistics.metrics.application.MetricComputation;
import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.MeasureUnit;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;
import cn.smartunion.statistics.metrics.domain.Rate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Each metric as an aggregation over the facts of a subtree and a period. Only the stages, accumulators and
 * expressions the MongoDB wire server of the tests also runs: {@code $match} (with {@code $or}), {@code $unwind},
 * {@code $sort}, {@code $project}, {@code $group} with {@code $sum} / {@code $last} / {@code $max} /
 * {@code $addToSet}, and {@code $split}, {@code $arrayElemAt}, {@code $substr}, {@code $concat}, {@code $ifNull},
 * {@code $dateToString}; a distinct count is two groups (by the key, then counting the keys).
 *
 * <p>The wire server has no secondary indexes (every aggregation matches every fact), so a metric by child union or
 * by month is one grouped aggregation rather than one per union or month. On MongoDB the {@code kind_on_orgPath}
 * index serves the first {@code $match} of each.
 */
@Component
class MongoMetricComputation implements MetricComputation {

    private static final String PERSONS = "personKeys";

    private final MongoTemplate mongo;
    private final StatisticsProperties properties;

    MongoMetricComputation(MongoTemplate mongo, StatisticsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public Figure compute(Metric metric, String orgPath, Period period) {
        Scope s = new Scope(orgPath, period);
        return switch (metric) {
            case MEMBERS -> Figure.count(metric, membersOn(s));
            case NEW_MEMBERS -> Figure.count(metric, distinct(s.flows(EventTypes.MEMBER_ACTIVATED).append("flag", true),
                    "subjectId"));
            case NEW_MEMBERS_NEW_FORM -> Figure.count(metric, distinct(s.flows(EventTypes.MEMBER_ACTIVATED)
                    .append("flag", true).append("tags", in(properties.newFormWorkerTags())), "subjectId"));
            case NEW_MEMBERS_MIGRANT -> Figure.count(metric, distinct(s.flows(EventTypes.MEMBER_ACTIVATED)
                    .append("flag", true).append("tags", in(properties.migrantWorkerTags())), "subjectId"));
            case COLLECTIVE_ENROLMENT -> Figure.count(metric, distinct(s.flows(EventTypes.MEMBER_ACTIVATED)
                    .append("channel", in(properties.collectiveJoinChannels())), "subjectId"));
            case NEW_UNIONS -> Figure.count(metric, distinct(s.flows(EventTypes.ORG_REGISTERED), "subjectId"));

            case AID_FUNDS -> {
                Map<String, Long> bySource = sumBy(s.flows(EventTypes.AID_DISBURSED), "amountFen", "channel");
                yield Figure.money(metric, total(bySource), bySource);
            }
            case CONDOLENCE_PERSON_TIMES -> {
                Map<String, Long> byProgramme = sumBy(s.flows(EventTypes.CONDOLENCE_DELIVERED), "count", "code");
                yield Figure.count(metric, total(byProgramme), byProgramme);
            }
            case CONDOLENCE_PERSONS -> Figure.count(metric, distinct(s.flows(EventTypes.CONDOLENCE_DELIVERED), PERSONS));
            case SCHOOL_AID_BENEFICIARIES -> Figure.count(metric, distinct(s.flows(EventTypes.AID_APPLICATION_APPROVED)
                    .append("code", properties.schoolAidProgramme()), PERSONS));
            case SCHOOL_AID_AMOUNT -> Figure.money(metric, sum(s.flows(EventTypes.AID_APPLICATION_APPROVED)
                    .append("code", properties.schoolAidProgramme()), "amountFen"));
            case HOUSEHOLDS_FILED -> Figure.count(metric, distinct(s.flows(EventTypes.HARDSHIP_CASE_FILED),
                    "householdId"));
            case HOUSEHOLDS_RELIEVED -> Figure.count(metric, distinct(s.flows(EventTypes.HARDSHIP_CASE_RELIEVED),
                    "householdId"));
            case MUTUAL_AID_ENROLMENTS -> Figure.count(metric, count(s.flows(EventTypes.MUTUAL_AID_ENROLLED)));
            case MUTUAL_AID_PAID -> Figure.money(metric, sum(s.flows(EventTypes.MUTUAL_AID_CLAIM_PAID), "amountFen"));

            case DISPUTES_OPENED -> Figure.count(metric, distinct(s.flows(EventTypes.DISPUTE_CASE_OPENED), "subjectId"));
            case DISPUTES_CLOSED -> Figure.count(metric, distinct(s.flows(EventTypes.DISPUTE_CASE_CLOSED), "subjectId"));
            case DISPUTE_WORKERS -> Figure.count(metric, distinct(s.flows(EventTypes.DISPUTE_CASE_OPENED), PERSONS));
            case DISPUTE_RECOVERED -> Figure.money(metric, sum(s.flows(EventTypes.DISPUTE_CASE_CLOSED), "amountFen"));
            // cases that reached an agreement ÷ cases in mediation (a session, an agreement or a failure) in the
            // period: an agreement is itself mediation, so the rate never exceeds 1
            case MEDIATION_SUCCESS_RATE -> Figure.rate(metric, Rate.of(
                    distinct(s.flows(EventTypes.MEDIATION_AGREEMENT_REACHED), "subjectId"),
                    distinct(s.flows(EventTypes.MEDIATION_SESSION_HELD, EventTypes.MEDIATION_AGREEMENT_REACHED,
                            EventTypes.MEDIATION_FAILED), "subjectId")));
            // of the cases closed in the period, those whose follow-up found no further complaint
            case NO_FURTHER_COMPLAINT_RATE -> Figure.rate(metric, Rate.of(
                    distinct(s.cohort(EventTypes.CASE_FOLLOW_UP_COMPLETED).append("flag", true), "subjectId"),
                    distinct(s.flows(EventTypes.DISPUTE_CASE_CLOSED), "subjectId")));
            case WORK_ORDERS -> Figure.count(metric, distinct(s.flows(EventTypes.WORK_ORDER_CREATED), "subjectId"),
                    distinctBy(s.flows(EventTypes.WORK_ORDER_CREATED), "subjectId", "channel"));
            // of the orders created in the period, those resolved (办结) so far
            case WORK_ORDER_RESOLUTION_RATE -> Figure.rate(metric, Rate.of(
                    distinct(s.cohort(EventTypes.WORK_ORDER_RESOLVED), "subjectId"),
                    distinct(s.flows(EventTypes.WORK_ORDER_CREATED), "subjectId")));
            // of the orders resolved in the period, those resolved before their deadline
            case WORK_ORDER_SLA_RATE -> Figure.rate(metric, Rate.of(
                    distinct(s.flows(EventTypes.WORK_ORDER_RESOLVED).append("flag", true), "subjectId"),
                    distinct(s.flows(EventTypes.WORK_ORDER_RESOLVED), "subjectId")));
            // ratings of 4 or 5 ÷ ratings given in the period
            case WORK_ORDER_SATISFACTION -> Figure.rate(metric, Rate.of(
                    count(s.flows(EventTypes.WORK_ORDER_RATED).append("flag", true)),
                    count(s.flows(EventTypes.WORK_ORDER_RATED))));
            case SUPERVISION_NOTICES -> Figure.count(metric, count(s.flows(EventTypes.SUPERVISION_NOTICE_ISSUED)));
            case CONTRACTS_IN_FORCE -> Figure.count(metric, contractsInForce(s).size());
            case CONTRACT_WORKERS -> Figure.count(metric,
                    contractsInForce(s).values().stream().mapToLong(Long::longValue).sum());
            // the events carry orders, not calls: a call that became no order (a hang-up, a query answered at once)
            // is not seen here
            case WORK_ORDER_CALLS -> Figure.count(metric, distinct(s.flows(EventTypes.WORK_ORDER_CREATED)
                    .append("channel", IntakeChannel.PHONE.name()), "subjectId"),
                    distinctBy(s.flows(EventTypes.WORK_ORDER_CREATED).append("channel", IntakeChannel.PHONE.name()),
                            "subjectId", "code"));
            case WORK_ORDER_RECOVERED -> Figure.money(metric, sum(s.flows(EventTypes.WORK_ORDER_RESOLVED),
                    "amountFen"));
            case LEGAL_AID_CASES -> Figure.count(metric, distinct(s.flows(EventTypes.LEGAL_AID_GRANTED), "subjectId"));
            case LEGAL_AID_PERSONS -> Figure.count(metric, distinct(s.flows(EventTypes.LEGAL_AID_GRANTED), PERSONS));

            case COMPETITIONS -> Figure.count(metric, distinct(s.flows(EventTypes.COMPETITION_PUBLISHED), "subjectId"));
            case PARTICIPANT_TIMES -> Figure.count(metric, single(standingEntries(s,
                    new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$count"))))));
            case PARTICIPATING_UNITS -> Figure.count(metric, single(standingEntries(s,
                    new Document("$match", new Document("unitCode", new Document("$ne", null))),
                    new Document("$group", new Document("_id", "$unitCode")),
                    new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))))));
            case TITLE_HOLDERS -> Figure.count(metric, distinct(s.flows(EventTypes.TITLE_CONFERRED), PERSONS),
                    distinctBy(s.flows(EventTypes.TITLE_CONFERRED), PERSONS, "code"));
            case SKILL_CERTIFIED -> Figure.count(metric, distinct(s.flows(EventTypes.SKILL_LEVEL_CERTIFIED), PERSONS));
            case HONOURS -> {
                Map<String, Long> byType = keyed(aggregate(netOf(s, EventTypes.HONOUR_CONFERRED,
                        List.of(EventTypes.HONOUR_REVOKED),
                        new Document("$group", new Document("_id", "$code").append("n", new Document("$sum", 1))))));
                yield Figure.count(metric, total(byType), byType);
            }
            case INNOVATION_SUBMISSIONS -> Figure.count(metric, distinct(s.flows(EventTypes.INNOVATION_SUBMITTED),
                    "subjectId"));
            case INNOVATION_ADOPTED -> Figure.count(metric, distinct(s.flows(EventTypes.INNOVATION_EVALUATED)
                    .append("flag", true), "subjectId"));
            case INNOVATION_BENEFIT -> Figure.money(metric, sum(s.flows(EventTypes.INNOVATION_BENEFIT_RECORDED),
                    "amountFen"));
            case STUDIOS -> {
                Map<String, Long> byLevel = studiosOn(s);
                yield Figure.count(metric, total(byLevel), byLevel);
            }
        };
    }

    /**
     * Entries registered in the period and neither withdrawn nor disqualified by its end: 参赛职工人次 and 参赛单位数
     * are registrations net of withdrawals. A withdrawal after the period's end leaves that period's figure as it was
     * published; one before it takes the entry out.
     */
    private List<Document> standingEntries(Scope s, Document... then) {
        return netOf(s, EventTypes.ENTRANT_REGISTERED, List.of(EventTypes.ENTRY_WITHDRAWN,
                EventTypes.ENTRY_DISQUALIFIED), then);
    }

    /**
     * The aggregates whose {@code counted} fact is dated in the period and that have no {@code cancelling} fact
     * (withdrawal, revocation) on or before the period's end, one document each with the counted fact's
     * {@code count}, {@code unitCode} and {@code code}, followed by {@code then}.
     */
    private static List<Document> netOf(Scope s, EventType counted, List<EventType> cancelling, Document... then) {
        List<String> cancellingKinds = cancelling.stream().map(EventType::type).toList();
        Document countedOrCancelled = new Document("orgPath", s.subtree()).append("$or", List.of(
                new Document("kind", counted.type()).append("on", s.window()),
                new Document("kind", in(cancellingKinds)).append("on",
                        new Document("$lte", s.period.asOf().toString()))));
        List<Document> pipeline = new ArrayList<>(List.of(
                new Document("$match", countedOrCancelled),
                new Document("$group", new Document("_id", "$subjectId")
                        .append("kinds", new Document("$addToSet", "$kind"))
                        .append("count", new Document("$max", "$count"))
                        .append("unitCode", new Document("$max", "$unitCode"))
                        .append("code", new Document("$max", "$code"))
                        .append("orgPath", new Document("$max", "$orgPath"))),
                new Document("$match", new Document("kinds", new Document("$in", List.of(counted.type()))
                        .append("$nin", cancellingKinds)))));
        pipeline.addAll(Arrays.asList(then));
        return pipeline;
    }

    /**
     * 创新工作室数 on the period's last day by level: every studio of the subtree whose latest standing (registration,
     * level change, review) on or before that day leaves it open, counted at that standing's level.
     */
    private Map<String, Long> studiosOn(Scope s) {
        Document standings = new Document("kind", kinds(EventTypes.INNOVATION_STUDIO_REGISTERED,
                EventTypes.STUDIO_LEVEL_CHANGED, EventTypes.STUDIO_REVIEWED))
                .append("on", new Document("$lte", s.period.asOf().toString()))
                .append("orgPath", s.subtree());
        List<Document> pipeline = List.of(
                new Document("$match", standings),
                new Document("$sort", new Document("on", 1).append("at", 1)),
                new Document("$group", new Document("_id", "$subjectId")
                        .append("level", new Document("$last", "$code"))
                        .append("open", new Document("$last", "$flag"))),
                new Document("$match", new Document("open", true)),
                new Document("$group", new Document("_id", "$level").append("n", new Document("$sum", 1))));
        return keyed(aggregate(pipeline));
    }

    /**
     * The charted metrics for every child union in one aggregation, grouped by the path segment below
     * {@code orgPath} (a fact of the union itself belongs to no child); the others one child at a time.
     */
    @Override
    public Map<String, Figure> computeByChild(Metric metric, String orgPath, List<String> childPaths, Period period) {
        Scope s = new Scope(orgPath, period);
        Document child = new Document("$arrayElemAt", List.of(new Document("$split", List.of("$orgPath", "/")),
                orgPath.split("/").length));
        Map<String, Figure> bySegment = grouped(metric, s, child);
        if (bySegment == null) {
            return MetricComputation.super.computeByChild(metric, orgPath, childPaths, period);
        }
        Map<String, Figure> byChild = new LinkedHashMap<>();
        for (String path : childPaths) {
            Figure figure = bySegment.get(path.substring(path.lastIndexOf('/') + 1));
            byChild.put(path, figure != null ? figure : figure(metric, 0, Map.of()));
        }
        return byChild;
    }

    /** The flow metrics month by month in one aggregation, grouped by the month of the facts' dates. */
    @Override
    public Map<YearMonth, Figure> computeByMonth(Metric metric, String orgPath, int year) {
        Scope s = new Scope(orgPath, Period.year(year));
        // a stock is taken at each month's end and entries are netted by it: those are computed month by month
        boolean oneMonthAtATime = metric.stock() || metric == Metric.PARTICIPANT_TIMES;
        Map<String, Figure> byMonthText = oneMonthAtATime ? null
                : grouped(metric, s, new Document("$substr", List.of("$on", 0, 7)));
        if (byMonthText == null) {
            return MetricComputation.super.computeByMonth(metric, orgPath, year);
        }
        Map<YearMonth, Figure> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            Figure figure = byMonthText.get(month.toString());
            byMonth.put(month, figure != null ? figure : figure(metric, 0, Map.of()));
        }
        return byMonth;
    }

    /** The metric by {@code group} (an expression over a fact), or null when it is not computed in one pass. */
    private Map<String, Figure> grouped(Metric metric, Scope s, Document group) {
        return switch (metric) {
            case MEMBERS -> grouped(metric, membersBy(s, group), Map.of());
            case NEW_MEMBERS -> grouped(metric, distinctBy(s.flows(EventTypes.MEMBER_ACTIVATED).append("flag", true),
                    "subjectId", group), Map.of());
            case DISPUTES_OPENED -> grouped(metric, distinctBy(s.flows(EventTypes.DISPUTE_CASE_OPENED), "subjectId",
                    group), Map.of());
            case DISPUTE_RECOVERED -> grouped(metric, sumBy(s.flows(EventTypes.DISPUTE_CASE_CLOSED), "amountFen",
                    group), Map.of());
            case AID_FUNDS -> {
                Map<String, Map<String, Long>> bySource = sumBy(s.flows(EventTypes.AID_DISBURSED), "amountFen", group,
                        "channel");
                Map<String, Long> totals = new TreeMap<>();
                bySource.forEach((key, parts) -> totals.put(key, total(parts)));
                yield grouped(metric, totals, bySource);
            }
            case PARTICIPANT_TIMES -> grouped(metric, byGroup(aggregate(standingEntries(s,
                    new Document("$group", new Document("_id", group).append("n", new Document("$sum", "$count")))))),
                    Map.of());
            default -> null;
        };
    }

    /** Figures by group from their counts (money in fen) and breakdowns. */
    private static Map<String, Figure> grouped(Metric metric, Map<String, Long> values,
                                               Map<String, Map<String, Long>> breakdowns) {
        Map<String, Figure> figures = new TreeMap<>();
        values.forEach((key, value) -> figures.put(key, figure(metric, value,
                breakdowns.getOrDefault(key, Map.of()))));
        return figures;
    }

    private static Figure figure(Metric metric, long value, Map<String, Long> breakdown) {
        return metric.unit() == MeasureUnit.YUAN ? Figure.money(metric, value, breakdown)
                : Figure.count(metric, value);
    }

    /**
     * 会员总数 on the period's last day: every member's latest standing fact on or before it (across the whole tree,
     * since a transfer's fact belongs to the destination), counted where that fact places them when it is active or
     * retained.
     */
    private long membersOn(Scope s) {
        return single(membersPipeline(s, null));
    }

    private Map<String, Long> membersBy(Scope s, Document group) {
        return byGroup(aggregate(membersPipeline(s, group)));
    }

    /**
     * Each member's latest standing as one comparable text, {@code on|at|standing|orgPath} ({@code at} in ISO form,
     * so the text orders as the date then the instant): its {@code $max} is the latest fact without sorting every
     * standing fact of the tree first.
     */
    private static List<Document> membersPipeline(Scope s, Document group) {
        Document standings = new Document("kind", kinds(EventTypes.MEMBER_ACTIVATED, EventTypes.MEMBER_TRANSFERRED,
                EventTypes.MEMBERSHIP_RETAINED, EventTypes.MEMBERSHIP_REINSTATED, EventTypes.MEMBERSHIP_TERMINATED))
                .append("on", new Document("$lte", s.period.asOf().toString()));
        Document latest = new Document("$concat", List.of("$on", "|",
                new Document("$ifNull", List.of(new Document("$dateToString", new Document("date", "$at")), "")), "|",
                "$code", "|", "$orgPath"));
        String countedHere = "^[^|]*\\|[^|]*\\|(" + EventFacts.ACTIVE + "|" + EventFacts.RETAINED + ")\\|"
                + Pattern.quote(s.orgPath()) + "(/|$)";
        return List.of(
                new Document("$match", standings),
                new Document("$group", new Document("_id", "$subjectId").append("latest", new Document("$max", latest))),
                new Document("$match", new Document("latest", new Document("$regex", countedHere))),
                new Document("$project", new Document("orgPath", new Document("$arrayElemAt",
                        List.of(new Document("$split", List.of("$latest", "|")), 3)))),
                new Document("$group", new Document("_id", group).append("n", new Document("$sum", 1))));
    }

    /** Contracts signed in the subtree, in force on the period's last day and not expired by then: id → workers. */
    private Map<String, Long> contractsInForce(Scope s) {
        String asOf = s.period.asOf().toString();
        Document signedOrExpired = new Document("kind", kinds(EventTypes.COLLECTIVE_CONTRACT_SIGNED,
                EventTypes.COLLECTIVE_CONTRACT_EXPIRED))
                .append("orgPath", s.subtree())
                .append("on", new Document("$lte", asOf));
        List<Document> pipeline = List.of(
                new Document("$match", signedOrExpired),
                new Document("$group", new Document("_id", "$subjectId")
                        .append("kinds", new Document("$addToSet", "$kind"))
                        .append("validFrom", new Document("$max", "$validFrom"))
                        .append("validTo", new Document("$max", "$validTo"))
                        .append("workers", new Document("$max", "$count"))));
        Map<String, Long> inForce = new TreeMap<>();
        for (Document contract : aggregate(pipeline)) {
            List<String> kinds = contract.getList("kinds", String.class);
            String from = contract.getString("validFrom");
            String to = contract.getString("validTo");
            boolean signed = kinds.contains(EventTypes.COLLECTIVE_CONTRACT_SIGNED.type());
            boolean expired = kinds.contains(EventTypes.COLLECTIVE_CONTRACT_EXPIRED.type());
            if (signed && !expired && from != null && to != null && from.compareTo(asOf) <= 0
                    && to.compareTo(asOf) >= 0) {
                Number workers = contract.get("workers", Number.class);
                inForce.put(contract.getString("_id"), workers == null ? 0 : workers.longValue());
            }
        }
        return inForce;
    }

    private long count(Document match) {
        return sum(match, null);
    }

    /** Sum of {@code field} (a count of facts when null). */
    private long sum(Document match, String field) {
        return single(List.of(new Document("$match", match),
                new Document("$group", new Document("_id", null).append("n", new Document("$sum", summand(field))))));
    }

    private Map<String, Long> sumBy(Document match, String field, String by) {
        List<Document> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", "$" + by).append("n", new Document("$sum", summand(field)))));
        return keyed(aggregate(pipeline));
    }

    /** Distinct values of {@code key}; for the person keys (a list) each person of each fact. */
    private long distinct(Document match, String key) {
        List<Document> pipeline = new ArrayList<>(keyed(match, key));
        pipeline.add(new Document("$group", new Document("_id", "$" + key)));
        pipeline.add(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
        return single(pipeline);
    }

    private Map<String, Long> distinctBy(Document match, String key, String by) {
        List<Document> pipeline = new ArrayList<>(keyed(match, key));
        pipeline.add(new Document("$group", new Document("_id", new Document("by", "$" + by).append("key", "$" + key))));
        pipeline.add(new Document("$group", new Document("_id", "$_id.by").append("n", new Document("$sum", 1))));
        return keyed(aggregate(pipeline));
    }

    /** Distinct values of {@code key} by the value of the expression {@code group}. */
    private Map<String, Long> distinctBy(Document match, String key, Document group) {
        List<Document> pipeline = new ArrayList<>(keyed(match, key));
        pipeline.add(new Document("$group", new Document("_id", new Document("by", group).append("key", "$" + key))));
        pipeline.add(new Document("$group", new Document("_id", "$_id.by").append("n", new Document("$sum", 1))));
        return byGroup(aggregate(pipeline));
    }

    private Map<String, Long> sumBy(Document match, String field, Document group) {
        return byGroup(aggregate(List.of(new Document("$match", match),
                new Document("$group", new Document("_id", group).append("n", new Document("$sum", summand(field)))))));
    }

    /** Sums of {@code field} by the expression {@code group}, each split by the field {@code by}. */
    private Map<String, Map<String, Long>> sumBy(Document match, String field, Document group, String by) {
        List<Document> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", new Document("g", group).append("b", "$" + by))
                        .append("n", new Document("$sum", summand(field)))));
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (Document row : aggregate(pipeline)) {
            Document id = row.get("_id", Document.class);
            Object g = id == null ? null : id.get("g");
            Object b = id == null ? null : id.get("b");
            Number n = row.get("n", Number.class);
            if (g != null) {
                sums.computeIfAbsent(g.toString(), k -> new TreeMap<>())
                        .merge(b == null ? "UNKNOWN" : b.toString(), n == null ? 0 : n.longValue(), Long::sum);
            }
        }
        return sums;
    }

    private static List<Document> keyed(Document match, String key) {
        Document withKey = new Document(match).append(key, new Document("$exists", true).append("$ne", null));
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$match", withKey));
        if (PERSONS.equals(key)) {
            stages.add(new Document("$unwind", "$" + key));
        }
        return stages;
    }

    private static Object summand(String field) {
        return field == null ? 1 : "$" + field;
    }

    private long single(List<Document> pipeline) {
        List<Document> result = aggregate(pipeline);
        if (result.isEmpty()) {
            return 0;
        }
        Number n = result.get(0).get("n", Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static Map<String, Long> keyed(List<Document> groups) {
        Map<String, Long> byKey = new TreeMap<>();
        for (Document group : groups) {
            Object key = group.get("_id");
            Number n = group.get("n", Number.class);
            byKey.merge(key == null ? "UNKNOWN" : key.toString(), n == null ? 0 : n.longValue(), Long::sum);
        }
        return byKey;
    }

    /** Group → n, leaving out the facts no group holds (a union's own facts when grouping by the unions below). */
    private static Map<String, Long> byGroup(List<Document> groups) {
        Map<String, Long> byKey = new TreeMap<>();
        for (Document group : groups) {
            Object key = group.get("_id");
            Number n = group.get("n", Number.class);
            if (key != null) {
                byKey.merge(key.toString(), n == null ? 0 : n.longValue(), Long::sum);
            }
        }
        return byKey;
    }

    private static long total(Map<String, Long> parts) {
        return parts.values().stream().mapToLong(Long::longValue).sum();
    }

    private List<Document> aggregate(List<Document> pipeline) {
        return mongo.getCollection(MongoFacts.COLLECTION).aggregate(pipeline).into(new ArrayList<>());
    }

    private static Document in(List<String> values) {
        return new Document("$in", values);
    }

    private static Object kinds(EventType... types) {
        List<String> names = Arrays.stream(types).map(EventType::type).toList();
        return names.size() == 1 ? names.get(0) : in(names);
    }

    /** The subtree and the period a figure is asked for, as match criteria. */
    private record Scope(String orgPath, Period period) {

        Document subtree() {
            return new Document("$regex", "^" + Pattern.quote(orgPath) + "(/|$)");
        }

        /** Facts of these kinds in the subtree dated in the period. */
        Document flows(EventType... types) {
            return new Document("kind", kinds(types)).append("on", window()).append("orgPath", subtree());
        }

        /** Facts of these kinds in the subtree whose cohort (the event they follow up) is dated in the period. */
        Document cohort(EventType... types) {
            return new Document("kind", kinds(types)).append("cohortOn", window()).append("orgPath", subtree());
        }

        Document window() {
            return new Document("$gte", period.from().toString()).append("$lte", period.to().toString());
        }
    }
}
