package cn.smartunion.systemtest.province;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

import cn.smartunion.systemtest.province.GeneratedProvince.City;
import cn.smartunion.systemtest.province.GeneratedProvince.County;
import cn.smartunion.systemtest.province.GeneratedProvince.Dispute;
import cn.smartunion.systemtest.province.GeneratedProvince.Grassroots;
import cn.smartunion.systemtest.province.GeneratedProvince.Worker;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.Suite;
import tools.jackson.databind.JsonNode;

/**
 * Drives a {@link GeneratedProvince} through the gateway as the provincial office ({@code prov.office}) would: it
 * registers the cities, counties and grassroots unions, uploads each city's roster (集中入会) and enters one worker per
 * county singly, then runs each county's 夏送清凉 campaign, its labour disputes and 12351 orders, and each city's skills
 * competition. Calls run on a few threads; a call the other services cannot take yet (they learn of a new union over
 * Kafka) is retried with the same {@code Idempotency-Key}, so a retry never does anything twice.
 */
public final class ProvinceDriver {

    private static final String MEMBERSHIP = "/api/membership/v1";
    private static final String AID = "/api/aid/v1";
    private static final String RIGHTS = "/api/rights/v1";
    private static final String COMPETITION = "/api/competition/v1";
    /** Statuses that mean "not yet" while a service catches up on the new unions and members. */
    private static final Set<Integer> NOT_YET = Set.of(404, 422, 429, 503);
    /**
     * How long a call may go on being "not yet": at 200,000 members aid-service reads for minutes before it knows every
     * member.
     */
    private static final Duration CATCH_UP = Duration.parse(System.getProperty("smartunion.province.catch-up", "PT2M"));
    private static final String EMPLOYER_CREDIT_CODE = "91420300MA4F00001U";

    private final Suite suite;
    private final GeneratedProvince province;
    private final String gateway;
    private final Supplier<String> office;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final Map<String, String> orgIds = new ConcurrentHashMap<>();
    private final Map<String, String> memberIds = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public ProvinceDriver(Suite suite, GeneratedProvince province) {
        this.suite = suite;
        this.province = province;
        this.gateway = suite.gatewayUrl();
        this.office = () -> suite.sharedUserToken("prov.office");
    }

    public int calls() {
        return calls.get();
    }

    public String orgId(String code) {
        return orgIds.get(code);
    }

    /** Registers every union of the province, the cities first, then their counties, then the grassroots unions. */
    public void registerUnions() {
        String provinceId = provinceId();
        inParallel(province.cities().stream().map(city -> (Runnable) () ->
                register(provinceId, city.code(), city.name(), "CITY_FEDERATION")).toList());
        inParallel(province.cities().stream().flatMap(city -> city.counties().stream().map(county -> (Runnable) () ->
                register(orgIds.get(city.code()), county.code(), county.name(), "COUNTY_FEDERATION"))).toList());
        inParallel(province.counties().stream().flatMap(county -> county.unions().stream().map(union -> (Runnable) () ->
                register(orgIds.get(county.code()), union.code(), union.name(), "GRASSROOTS_UNION"))).toList());
    }

    /**
     * Uploads each city's roster (each row's grassroots union named by its codes below the city, county/union) and
     * waits for every job to finish with every row enrolled; enters each county's single worker on their behalf.
     */
    public void enrolMembers() {
        List<String> jobs = new ArrayList<>();
        for (City city : province.cities()) {
            jobs.add(uploadRoster(city));
        }
        inParallel(province.counties().stream().map(county -> (Runnable) () -> enterSingly(county)).toList());
        for (String job : jobs) {
            awaitJob(job);
        }
    }

    /** Each county's 夏送清凉 campaign under one provincial programme, with its deliveries. */
    public void runSummerCampaigns() {
        String programme = "GEN-SUMMER-" + province.seed();
        post(AID + "/programmes", Map.of("code", programme, "name", "夏送清凉（生成省份）",
                "kind", "CAMPAIGN", "ownerOrgId", provinceId(), "cycleKind", "SEASON",
                "oncePerCycle", false, "eligibility", Map.of("audience", "ANY_WORKER")), key());
        String cycle = today.getYear() + "-SUMMER";
        inParallel(province.counties().stream().map(county -> (Runnable) () -> {
            String countyId = orgIds.get(county.code());
            Http.Answer line = post(AID + "/budget-lines", Map.of("programmeCode", programme, "orgId", countyId,
                    "cycle", cycle, "fundingSource", "CENTRAL_SPECIAL_FUNDS", "title", county.name() + "夏送清凉",
                    "allocatedFen", 100_000_000), key());
            Http.Answer campaign = post(AID + "/campaigns", Map.of("programmeCode", programme, "orgId", countyId,
                    "cycle", cycle, "budgetLineId", line.json().path("id").asString(),
                    "title", county.name() + "夏送清凉", "startsOn", today.withDayOfYear(1).toString(),
                    "endsOn", today.plusDays(30).toString()), key());
            String campaignId = campaign.json().path("id").asString();
            post(AID + "/campaigns/" + campaignId + "/launch", Map.of(), key());
            for (GeneratedProvince.Delivery delivery : county.deliveries()) {
                Map<String, Object> beneficiary = delivery.toMember()
                        ? Map.of("type", "MEMBER", "memberId", memberIds.get(delivery.to().citizenIdNumber()))
                        : Map.of("type", "NON_MEMBER_WORKER", "person", person(delivery.to()),
                        "groupTags", List.of("SANITATION_WORKER"));
                post(AID + "/campaigns/" + campaignId + "/deliveries", Map.of("beneficiary", beneficiary,
                        "cashFen", 0, "inKindFen", delivery.inKindFen(), "deliveredOn", today.toString(),
                        "channel", "IN_KIND"), key());
            }
        }).toList());
    }

    /** Each county's labour disputes, mediated, failed or not at all, some closed with money recovered. */
    public void handleDisputes() {
        inParallel(province.counties().stream().flatMap(county -> county.disputes().stream().map(dispute ->
                (Runnable) () -> handle(county, dispute))).toList());
    }

    /** Each county's 12351 orders, received there. */
    public void receiveWorkOrders() {
        inParallel(province.counties().stream().flatMap(county -> county.workOrders().stream().map(order ->
                (Runnable) () -> post(RIGHTS + "/work-orders", Map.of("orgId", orgIds.get(county.code()),
                        "channel", "PHONE", "category", order.category(), "complexity", "ORDINARY",
                        "summary", "生成省份12351来电"), key()))).toList());
    }

    /** Each city's open skills competition and the entries its counties' unions make. */
    public void runCompetitions() {
        inParallel(province.cities().stream().map(city -> (Runnable) () -> {
            Instant now = Instant.now();
            Map<String, Object> competition = new LinkedHashMap<>();
            competition.put("orgId", orgIds.get(city.code()));
            competition.put("name", city.name() + "职工职业技能竞赛（生成省份）");
            competition.put("brand", "生成工匠杯");
            competition.put("type", "SKILLS");
            competition.put("level", "CITY");
            competition.put("competitionClass", "SECOND");
            competition.put("trades", List.of("WELDER"));
            competition.put("entrantTypes", List.of("INDIVIDUAL", "TEAM"));
            competition.put("eligibility", Map.of("membersOnly", false));
            competition.put("registrationWindow", Map.of("opensAt", now.minusSeconds(60).toString(),
                    "closesAt", now.plus(Duration.ofDays(30)).toString()));
            competition.put("stages", List.of(Map.of("code", "FINAL", "name", "决赛")));
            String id = post(COMPETITION + "/competitions", competition, key()).json().path("id").asString();
            post(COMPETITION + "/competitions/" + id + "/publication", Map.of(), key());
            for (County county : city.counties()) {
                for (GeneratedProvince.Entry entry : county.entries()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    boolean team = entry.participants().size() > 1;
                    body.put("entrantType", team ? "TEAM" : "INDIVIDUAL");
                    body.put("orgId", orgIds.get(entry.union().code()));
                    body.put("trade", "WELDER");
                    if (team) {
                        body.put("teamName", entry.union().name() + "焊工班组");
                    }
                    List<Map<String, Object>> participants = new ArrayList<>();
                    for (Worker worker : entry.participants()) {
                        Map<String, Object> participant = new LinkedHashMap<>(person(worker));
                        if (team) {
                            participant.put("captain", participants.isEmpty());
                        }
                        participants.add(participant);
                    }
                    body.put("participants", participants);
                    post(COMPETITION + "/competitions/" + id + "/entries", body, key());
                }
            }
        }).toList());
    }

    // ------------------------------------------------------------------------------------------------------------

    private String provinceId() {
        return orgIds.computeIfAbsent("root", code -> new MembershipApi(suite).orgId(office.get(),
                GeneratedProvince.PROVINCE_PATH));
    }

    private void register(String parentId, String code, String name, String orgType) {
        Http.Answer created = post(MEMBERSHIP + "/orgs", Map.of("parentId", parentId, "code", code, "name", name,
                "orgType", orgType), key());
        orgIds.put(code, created.json().path("id").asString());
    }

    private void enterSingly(County county) {
        Worker worker = county.singleMember();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", orgIds.get(county.unions().get(0).code()));
        body.put("legalName", worker.name());
        body.put("citizenIdNumber", worker.citizenIdNumber());
        body.put("mobilePhone", worker.mobilePhone());
        body.put("groupTags", worker.tags().codes());
        body.put("joinChannel", "ONLINE_APPLICATION");
        Http.Answer created = post(MEMBERSHIP + "/members", body, key());
        memberIds.put(worker.citizenIdNumber(), created.json().path("id").asString());
    }

    private String uploadRoster(City city) {
        StringBuilder csv = new StringBuilder("姓名,公民身份号码,手机号,群体标签,组织代码\r\n");
        for (County county : city.counties()) {
            for (Grassroots union : county.unions()) {
                for (Worker worker : union.workers()) {
                    csv.append(worker.name()).append(',').append(worker.citizenIdNumber()).append(',')
                            .append(worker.mobilePhone()).append(",\"").append(worker.tags().cell()).append("\",")
                            .append(county.code()).append('/').append(union.code()).append("\r\n");
                }
            }
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String boundary = "----province" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + city.code() + "-roster.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String url = gateway + MEMBERSHIP + "/enrolment-jobs?orgId=" + orgIds.get(city.code())
                + "&joinChannel=COLLECTIVE_REGISTRATION";
        calls.incrementAndGet();
        Http.Answer job = Http.postBytes(url, office.get(), "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        if (job.status() != 202) {
            throw new IllegalStateException("roster of " + city.code() + ": " + job);
        }
        return job.json().path("id").asString();
    }

    private void awaitJob(String jobId) {
        JsonNode finished = await("roster import " + jobId).atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(gateway + MEMBERSHIP + "/enrolment-jobs/" + jobId, office.get()).json(),
                        job -> Set.of("COMPLETED", "FAILED").contains(job.path("status").asString()));
        if (!finished.path("status").asString().equals("COMPLETED") || finished.path("rejected").asInt() != 0
                || finished.path("alreadyMembers").asInt() != 0) {
            throw new IllegalStateException("not every row was enrolled: " + finished);
        }
    }

    private void handle(County county, Dispute dispute) {
        String today = this.today.toString();
        List<Map<String, Object>> workers = dispute.workers().stream().map(worker -> {
            Map<String, Object> named = new LinkedHashMap<>(person(worker));
            named.put("groupTags", worker.tags().codes());
            return named;
        }).toList();
        String id = post(RIGHTS + "/dispute-cases", Map.of("orgId", orgIds.get(county.code()), "intake", "WALK_IN",
                "claimTypes", List.of("WAGE_ARREARS"), "workers", workers, "employer",
                Map.of("creditCode", EMPLOYER_CREDIT_CODE, "name", "生成省份某劳务有限公司"),
                "amountClaimedFen", dispute.claimedFen()), key()).json().path("id").asString();
        String closureType = "SETTLEMENT";
        if (dispute.mediation() != GeneratedProvince.Mediation.NONE) {
            post(RIGHTS + "/dispute-cases/" + id + "/mediation-sessions", Map.of("mechanism", "UNION",
                    "partiesPresent", List.of("UNION", "HR_ARBITRATION"), "heldOn", today), key());
            if (dispute.mediation() == GeneratedProvince.Mediation.AGREEMENT) {
                post(RIGHTS + "/dispute-cases/" + id + "/mediation-agreement", Map.of("agreedFen",
                        dispute.recoveredFen(), "reachedOn", today), key());
                closureType = "MEDIATION_AGREEMENT";
            }
            else {
                post(RIGHTS + "/dispute-cases/" + id + "/mediation-failure", Map.of("failedOn", today), key());
                closureType = "ARBITRATION_AWARD";
            }
        }
        if (dispute.closed()) {
            post(RIGHTS + "/dispute-cases/" + id + "/closure", Map.of("closureType", closureType,
                    "amountRecoveredFen", dispute.recoveredFen(), "workersBenefited", dispute.workers().size(),
                    "closedOn", today), key());
        }
    }

    private static Map<String, Object> person(Worker worker) {
        return Map.of("citizenIdNumber", worker.citizenIdNumber(), "legalName", worker.name());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** POSTs, retrying "not yet" answers with the same key until the services have caught up; fails otherwise. */
    private Http.Answer post(String path, Object body, String idempotencyKey) {
        return await("POST " + path).atMost(CATCH_UP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    calls.incrementAndGet();
                    Http.Answer answer = Http.post(gateway + path, office.get(), body,
                            Map.of("Idempotency-Key", idempotencyKey));
                    if (answer.status() >= 300 && !NOT_YET.contains(answer.status())) {
                        throw new IllegalStateException("POST " + path + ": " + answer);
                    }
                    return answer;
                }, answer -> answer.status() < 300);
    }

    private static void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> task : running) {
                task.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }
}
