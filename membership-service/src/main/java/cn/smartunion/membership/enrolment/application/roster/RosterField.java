package cn.smartunion.membership.enrolment.application.roster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a roster may have, each recognised by the Chinese and English headers union offices write. Only name
 * and ID number are required; other columns may be absent, and columns the import does not know are ignored.
 */
public enum RosterField {
    NAME("name", true, 50, "姓名", "名字", "职工姓名", "会员姓名", "人员姓名", "name", "legalName", "fullName"),
    ID_NUMBER("idNumber", true, 32, "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码",
            "居民身份证号码", "idNumber", "citizenIdNumber", "nationalIdNumber", "idCard", "idCardNumber"),
    MOBILE_PHONE("mobilePhone", false, 32, "手机号", "手机号码", "手机", "联系电话", "电话", "联系方式", "mobile",
            "mobilePhone", "phone", "phoneNumber"),
    EMPLOYER_NAME("employerName", false, 200, "工作单位", "单位名称", "用人单位", "所在单位", "单位", "employer",
            "employerName", "workUnit", "company"),
    EMPLOYER_CREDIT_CODE("employerCreditCode", false, 32, "统一社会信用代码", "单位统一社会信用代码", "信用代码",
            "社会信用代码", "employerCreditCode", "creditCode", "uscc", "unifiedSocialCreditCode"),
    EMPLOYMENT_FORM("employmentForm", false, 50, "用工形式", "用工方式", "就业形式", "用工类型", "employmentForm",
            "employmentType"),
    PLATFORMS("platforms", false, 200, "平台", "所属平台", "服务平台", "平台名称", "就业平台", "platform",
            "platforms"),
    GROUP_TAGS("groupTags", false, 200, "群体标签", "群体", "人员类别", "群体类别", "所属群体", "重点群体",
            "groupTags", "groupTag", "tags", "groups"),
    ORG_CODE("orgCode", false, 200, "组织代码", "工会组织代码", "所属工会代码", "工会编码", "工会代码", "组织路径",
            "orgCode", "orgPath", "unionCode"),
    ORG_ID("orgId", false, 64, "组织ID", "工会ID", "组织编号", "orgId", "unionId");

    private static final Map<String, RosterField> BY_HEADER = new HashMap<>();

    static {
        for (RosterField field : values()) {
            for (String header : field.headers) {
                if (BY_HEADER.put(normalise(header), field) != null) {
                    throw new IllegalStateException("header '" + header + "' is listed twice");
                }
            }
        }
    }

    private final String fieldName;
    private final boolean required;
    private final int maxLength;
    private final List<String> headers;

    RosterField(String fieldName, boolean required, int maxLength, String... headers) {
        this.fieldName = fieldName;
        this.required = required;
        this.maxLength = maxLength;
        this.headers = List.copyOf(Arrays.asList(headers));
    }

    /** The name used in rejections and in the API, e.g. {@code idNumber}. */
    public String fieldName() {
        return fieldName;
    }

    public boolean required() {
        return required;
    }

    /** Longest value accepted, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /** The Chinese header shown when a required column is missing. */
    public String chineseHeader() {
        return headers.get(0);
    }

    /**
     * The field a header cell names, if any. Spaces, required-markers ({@code *姓名}) and notes in brackets
     * ({@code 身份证号（18位）}) are ignored, and so are case, {@code _} and {@code -} in English headers.
     */
    public static Optional<RosterField> forHeader(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_HEADER.get(normalise(header)));
    }

    static String normalise(String header) {
        String text = header.replace("\uFEFF", "")
                .replaceAll("[(（\\[【][^)）\\]】]*[)）\\]】]", "")
                .replaceAll("[\\s\\u3000*＊:：_\\-]+", "");
        return text.toLowerCase(Locale.ROOT);
    }
}
