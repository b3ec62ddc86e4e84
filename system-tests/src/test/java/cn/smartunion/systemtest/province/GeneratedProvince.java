package cn.smartunion.systemtest.province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible province below the demo province union (420000): cities, their counties and the grassroots
 * unions of each county, the workers each grassroots union enrols (a roster per city, plus one worker per county
 * entered singly), and the aid, rights and competition work each county does. The same seed and size give the same
 * province, person for person, so its figures can be computed from this record alone ({@link ProvinceFigures}) and
 * compared with what statistics-service computes from the event streams.
 *
 * <p>Every ID number is a valid, made-up one (GB 11643), unique within the province and from divisions the other system
 * tests never use, so no generated worker is someone another test enrolled.
 */
public final class GeneratedProvince {

    public static final String PROVINCE_PATH = "420000";

    /** Group-tag cells as a union office types them, and whether each counts as 新就业形态 / 农民工. */
    static final List<Tags> TAGS = List.of(
            new Tags("快递员", List.of("COURIER"), true, false),
            new Tags("外卖骑手", List.of("FOOD_DELIVERY_RIDER"), true, false),
            new Tags("货车司机、农民工", List.of("TRUCK_DRIVER", "MIGRANT_WORKER"), true, true),
            new Tags("农民工", List.of("MIGRANT_WORKER"), false, true),
            new Tags("保安员", List.of("SECURITY_GUARD"), false, false),
            new Tags("", List.of(), false, false),
            new Tags("网约车司机", List.of("RIDE_HAILING_DRIVER"), true, false),
            new Tags("环卫工人、农民工", List.of("SANITATION_WORKER", "MIGRANT_WORKER"), false, true));

    private static final String[] DIVISIONS = {"420102", "420103", "420104", "420105", "420106", "420107",
            "420111", "420112", "420113", "420114"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "霞", "平"};
    private static final int MINIMUM_UNION_SIZE = 20;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    /** Born 1966–1979 in Wuhan's districts: the other system tests' people are born in Yunxi (420322). */
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1966, 1, 1);

    private final long seed;
    private final List<City> cities = new ArrayList<>();
    private int people;

    private GeneratedProvince(long seed) {
        this.seed = seed;
    }

    /**
     * @param members        members enrolled in all (rosters plus one single entry per county)
     * @param cityCount      cities under the province
     * @param countiesPerCity counties under each city
     */
    public static GeneratedProvince generate(long seed, int members, int cityCount, int countiesPerCity) {
        GeneratedProvince province = new GeneratedProvince(seed);
        Random random = new Random(seed);
        int countyCount = cityCount * countiesPerCity;
        int unionsPerCounty = 2;
        int unionCount = countyCount * unionsPerCounty;
        int rosterMembers = members - countyCount;
        if (rosterMembers < unionCount * MINIMUM_UNION_SIZE) {
            throw new IllegalArgumentException("at least " + (unionCount * MINIMUM_UNION_SIZE + countyCount)
                    + " members for " + countyCount + " counties");
        }
        // grassroots unions of uneven size: a minimum each, the rest shared out by weights 1..4
        int[] weights = new int[unionCount];
        int weightSum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + random.nextInt(4);
            weightSum += weights[i];
        }
        int shared = rosterMembers - unionCount * MINIMUM_UNION_SIZE;
        int assigned = 0;
        int union = 0;
        for (int c = 1; c <= cityCount; c++) {
            // fictional division codes (49xxxx is no province's), so no generated union is a demo one
            String cityCode = "49%02d00".formatted(c);
            List<County> counties = new ArrayList<>();
            for (int k = 1; k <= countiesPerCity; k++) {
                String countyCode = "49%02d%02d".formatted(c, k);
                List<Grassroots> unions = new ArrayList<>();
                for (int u = 1; u <= unionsPerCounty; u++, union++) {
                    int size = union == weights.length - 1 ? rosterMembers - assigned
                            : MINIMUM_UNION_SIZE + (int) ((long) shared * weights[union] / weightSum);
                    assigned += size;
                    List<Worker> workers = new ArrayList<>(size);
                    for (int w = 0; w < size; w++) {
                        workers.add(province.worker(random));
                    }
                    String name = "生成%02d市%d县第%d基层工会".formatted(c, k, u);
                    unions.add(new Grassroots("G" + countyCode + "-" + u, name, workers));
                }
                Worker single = province.worker(random);
                List<Worker> outdoorWorkers = new ArrayList<>();
                for (int o = 0; o < 8; o++) {
                    outdoorWorkers.add(province.worker(random));
                }
                County county = new County(countyCode, "生成%02d市%d县总工会".formatted(c, k), unions, single,
                        outdoorWorkers, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                province.plan(county, random);
                counties.add(county);
            }
            province.cities.add(new City(cityCode, "生成%02d市总工会".formatted(c), counties));
        }
        return province;
    }

    public long seed() {
        return seed;
    }

    public List<City> cities() {
        return cities;
    }

    public List<County> counties() {
        return cities.stream().flatMap(city -> city.counties().stream()).toList();
    }

    public static String cityPath(City city) {
        return PROVINCE_PATH + "/" + city.code();
    }

    public static String countyPath(County county) {
        return PROVINCE_PATH + "/" + county.code().substring(0, 4) + "00/" + county.code();
    }

    private void plan(County county, Random random) {
        List<Worker> members = county.unions().stream().flatMap(u -> u.workers().stream()).toList();
        // 夏送清凉: 12 deliveries, to the county's outdoor workers (not members) and its singly entered member,
        // so some are reached twice or more (person-times above persons)
        for (int d = 0; d < 12; d++) {
            boolean toMember = d % 6 == 0;
            Worker to = toMember ? county.singleMember()
                    : county.outdoorWorkers().get(random.nextInt(county.outdoorWorkers().size()));
            county.deliveries().add(new Delivery(to, toMember, 5_000 + 100L * random.nextInt(50)));
        }
        // labour disputes: six a county, one to three workers each drawn from its members (a worker may be in two)
        for (int d = 0; d < 6; d++) {
            int count = 1 + random.nextInt(3);
            List<Worker> workers = new ArrayList<>();
            while (workers.size() < count) {
                Worker worker = members.get(random.nextInt(Math.min(members.size(), 40)));
                if (!workers.contains(worker)) {
                    workers.add(worker);
                }
            }
            Mediation mediation = Mediation.values()[random.nextInt(Mediation.values().length)];
            boolean closed = mediation == Mediation.AGREEMENT || random.nextBoolean();
            long claimed = 100_000L * (10 + random.nextInt(90));
            long recovered = closed ? claimed * (50 + random.nextInt(51)) / 100 : 0;
            county.disputes().add(new Dispute(workers, claimed, mediation, closed, recovered));
        }
        for (int o = 0; o < 5; o++) {
            county.workOrders().add(new WorkOrder(
                    new String[]{"CONSULTATION", "COMPLAINT", "DISPUTE", "AID_REQUEST"}[random.nextInt(4)]));
        }
        // the city's skills competition: eight individuals and two teams of three to five from each county
        List<Worker> shuffled = new ArrayList<>(members);
        java.util.Collections.shuffle(shuffled, random);
        int next = 0;
        for (int e = 0; e < 10; e++) {
            int size = e < 8 ? 1 : 3 + random.nextInt(3);
            Grassroots unionOf = null;
            List<Worker> participants = new ArrayList<>();
            for (int p = 0; p < size; p++) {
                participants.add(shuffled.get(next++));
            }
            for (Grassroots candidate : county.unions()) {
                if (candidate.workers().contains(participants.get(0))) {
                    unionOf = candidate;
                }
            }
            county.entries().add(new Entry(unionOf, participants));
        }
    }

    private Worker worker(Random random) {
        int n = people++;
        String division = DIVISIONS[n % DIVISIONS.length];
        int rest = n / DIVISIONS.length;
        LocalDate born = FIRST_BIRTH.plusDays(rest % 5_000);
        String body = division + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "%03d".formatted(rest / 5_000);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String phone = "13" + (5 + random.nextInt(5)) + "%08d".formatted(random.nextInt(100_000_000));
        return new Worker(name, body + checkCharacter(body), phone, TAGS.get(random.nextInt(TAGS.size())));
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public record City(String code, String name, List<County> counties) {
    }

    public record County(String code, String name, List<Grassroots> unions, Worker singleMember,
                         List<Worker> outdoorWorkers, List<Delivery> deliveries, List<Dispute> disputes,
                         List<WorkOrder> workOrders, List<Entry> entries) {
    }

    public record Grassroots(String code, String name, List<Worker> workers) {
    }

    public record Worker(String name, String citizenIdNumber, String mobilePhone, Tags tags) {

        @Override
        public String toString() {
            return "Worker[***]";
        }
    }

    /** A roster's group-tag cell, the tag codes it stands for, and whether they count as 新就业形态 / 农民工. */
    public record Tags(String cell, List<String> codes, boolean newForm, boolean migrant) {
    }

    /** A 夏送清凉 delivery of goods worth {@code inKindFen} to a member (by memberId) or an outdoor worker. */
    public record Delivery(Worker to, boolean toMember, long inKindFen) {
    }

    public enum Mediation { NONE, AGREEMENT, FAILURE }

    public record Dispute(List<Worker> workers, long claimedFen, Mediation mediation, boolean closed,
                          long recoveredFen) {
    }

    public record WorkOrder(String category) {
    }

    /** An entry in the city's competition: one participant is an individual entry, more are a team. */
    public record Entry(Grassroots union, List<Worker> participants) {
    }
}
