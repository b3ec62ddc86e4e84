package cn.smartunion.membership.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, reproducible rosters of the kind union offices upload: delivery riders, couriers and truck drivers with
 * citizen ID numbers that pass GB 11643 (real county-level division codes of the provinces in the seeds, birth
 * dates 1966-2006, correct check characters), mainland mobile numbers, employers with valid GB 32100 credit codes,
 * Chinese group tags, employment forms and platforms. The same seed gives the same roster; ID numbers are unique
 * within one generator. Used by the tests and by {@code RosterImportBenchmark}.
 */
public final class RosterGenerator {

    /** County-level administrative division codes (GB/T 2260) of Hubei, Sichuan, Hunan, Anhui, Guizhou, ... */
    static final String[] DIVISIONS = {
            "420102", "420103", "420106", "420111", "420115", "420302", "420303", "420322", "420323", "420324",
            "420325", "420381", "420502", "420602", "420802", "421002", "421202", "421302", "422801",
            "510104", "510105", "510107", "510108", "510112", "510113", "510114", "511702", "513401",
            "410102", "410103", "410105", "411002", "411023", "430102", "430103", "430104", "430111", "430121",
            "340102", "340103", "340104", "340602", "520102", "520103", "520302", "520602", "620102", "620103",
            "620802", "630102", "630103", "630104", "632521", "610602", "220102", "230602", "370102", "350502",
            "540102", "652301"};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
            "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "欧阳",
            "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "小龙", "文",
            "斌", "宇", "浩", "鹏", "婷", "雪", "晨", "欣", "俊", "佳", "子豪", "梓涵", "一鸣", "国庆", "建国"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180",
            "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"};
    private static final String[] PLATFORMS = {"美团", "饿了么", "顺丰", "京东物流", "货拉拉", "满帮", "滴滴出行",
            "闪送", "中通快递", "圆通速递"};
    private static final String[][] GROUPS = {{"网约送餐员、新就业形态劳动者", "美团"}, {"快递员", "顺丰"},
            {"货车司机", "满帮"}, {"网约车司机、新就业形态劳动者", "滴滴出行"}, {"快递员、农民工", "中通快递"},
            {"外卖骑手", "饿了么"}, {"家政服务员", ""}, {"保安员", ""}, {"货车司机、农民工", "货拉拉"}};
    private static final String[] FORMS = {"平台灵活就业", "劳动合同", "劳务派遣", "众包", "劳务外包"};
    private static final String[] EMPLOYER_KINDS = {"速运有限公司", "配送服务有限公司", "物流有限公司",
            "网络科技有限公司", "家政服务有限公司", "保安服务有限公司"};
    private static final String[] PLACES = {"武汉", "十堰", "郧西", "竹山", "成都", "长沙", "合肥", "贵阳", "遵义",
            "兰州", "西宁", "延安", "长春", "大庆", "济南", "泉州", "拉萨", "昌吉"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1966, 1, 1);
    private static final int BIRTH_DAYS = (int) (LocalDate.of(2006, 12, 31).toEpochDay() - EARLIEST_BIRTH.toEpochDay());

    private final Random random;
    private final Set<String> issuedIds = new HashSet<>();
    private final List<Employer> employers = new ArrayList<>();

    public RosterGenerator(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            String division = pick(DIVISIONS);
            employers.add(new Employer(pick(PLACES) + pick(new String[]{"顺达", "快捷", "通达", "安心", "速达", "众鑫"})
                    + pick(EMPLOYER_KINDS), creditCode('9', '1', division)));
        }
    }

    /** One more person, with an ID number this generator has not issued before. */
    public Person person() {
        String[] group = pick(GROUPS);
        Employer employer = employers.get(random.nextInt(employers.size()));
        String platforms = group[1].isEmpty() ? "" : random.nextInt(5) == 0 ? group[1] + "、" + pick(PLATFORMS)
                : group[1];
        return new Person(pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN).substring(0, 1) : ""),
                uniqueIdNumber(), mobile(), employer.name(), employer.creditCode(), pick(FORMS), platforms, group[0],
                "");
    }

    public List<Person> people(int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(person());
        }
        return people;
    }

    /**
     * {@code rows} people where every {@code defectEvery}-th row is bad, the kinds taking turns: a wrong check
     * character, the person of the row before again, no name, an unknown group tag, and (when
     * {@code outOfScopeOrgCode} is given) an org outside the job's org.
     */
    public GeneratedRoster roster(int rows, int defectEvery, String outOfScopeOrgCode) {
        if (defectEvery < 2) {
            throw new IllegalArgumentException("defectEvery must be at least 2");
        }
        List<Defect> kinds = new ArrayList<>(List.of(Defect.BAD_CHECK_DIGIT, Defect.DUPLICATE_OF_PREVIOUS_ROW,
                Defect.MISSING_NAME, Defect.UNKNOWN_GROUP_TAG));
        if (outOfScopeOrgCode != null) {
            kinds.add(Defect.ORG_OUT_OF_SCOPE);
        }
        List<Person> people = new ArrayList<>(rows);
        Map<Integer, Defect> defects = new LinkedHashMap<>();
        int turn = 0;
        for (int i = 0; i < rows; i++) {
            Person person = person();
            if ((i + 1) % defectEvery == 0) {
                Defect defect = kinds.get(turn++ % kinds.size());
                person = switch (defect) {
                    case BAD_CHECK_DIGIT -> person.withIdNumber(wrongCheckCharacter(person.idNumber()));
                    case DUPLICATE_OF_PREVIOUS_ROW -> people.get(i - 1);
                    case MISSING_NAME -> person.withName("");
                    case UNKNOWN_GROUP_TAG -> person.withGroupTags("快递员、星际旅行者");
                    case ORG_OUT_OF_SCOPE -> person.withOrgCode(outOfScopeOrgCode);
                };
                defects.put(GeneratedRoster.rowNumber(i), defect);
            }
            people.add(person);
        }
        return new GeneratedRoster(people, defects);
    }

    private String uniqueIdNumber() {
        while (true) {
            LocalDate birth = EARLIEST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS + 1));
            String first17 = pick(DIVISIONS) + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth()) + "%03d".formatted(random.nextInt(1000));
            String id = first17 + checkCharacter(first17);
            if (issuedIds.add(id)) {
                return id;
            }
        }
    }

    private String mobile() {
        return pick(MOBILE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** The same number with a check character that does not match. */
    public static String wrongCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }

    /** A GB 32100 credit code: authority, type, region, a random 9-character organisation code, check character. */
    String creditCode(char authority, char type, String division) {
        StringBuilder code = new StringBuilder().append(authority).append(type).append(division);
        for (int i = 0; i < 9; i++) {
            code.append(USCC_ALPHABET.charAt(random.nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    private record Employer(String name, String creditCode) {
    }

    /** One roster row, as the union office would type it. */
    public record Person(String name, String idNumber, String mobilePhone, String employerName,
                         String employerCreditCode, String employmentForm, String platforms, String groupTags,
                         String orgCode) {

        public Person withName(String value) {
            return new Person(value, idNumber, mobilePhone, employerName, employerCreditCode, employmentForm,
                    platforms, groupTags, orgCode);
        }

        public Person withIdNumber(String value) {
            return new Person(name, value, mobilePhone, employerName, employerCreditCode, employmentForm, platforms,
                    groupTags, orgCode);
        }

        public Person withMobilePhone(String value) {
            return new Person(name, idNumber, value, employerName, employerCreditCode, employmentForm, platforms,
                    groupTags, orgCode);
        }

        public Person withGroupTags(String value) {
            return new Person(name, idNumber, mobilePhone, employerName, employerCreditCode, employmentForm,
                    platforms, value, orgCode);
        }

        public Person withOrgCode(String value) {
            return new Person(name, idNumber, mobilePhone, employerName, employerCreditCode, employmentForm,
                    platforms, groupTags, value);
        }
    }

    /** The bad row kinds {@link #roster} plants, with the reason the import gives each. */
    public enum Defect {
        BAD_CHECK_DIGIT("INVALID_CITIZEN_ID", "idNumber"),
        DUPLICATE_OF_PREVIOUS_ROW("DUPLICATE_IN_FILE", "idNumber"),
        MISSING_NAME("MISSING_REQUIRED_FIELD", "name"),
        UNKNOWN_GROUP_TAG("UNKNOWN_GROUP_TAG", "groupTags"),
        ORG_OUT_OF_SCOPE("ORG_OUT_OF_SCOPE", "orgCode");

        private final String reason;
        private final String field;

        Defect(String reason, String field) {
            this.reason = reason;
            this.field = field;
        }

        public String reason() {
            return reason;
        }

        public String field() {
            return field;
        }
    }
}
