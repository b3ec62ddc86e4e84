package cn.smartunion.membership.enrolment.domain;

import java.util.List;

/**
 * How a worker is employed (用工形式, DOMAIN.md §2.8): new-form workers are often not on a labour contract. The codes
 * are those of the member record ({@code member.domain.EmploymentForm}); the names are what rosters write.
 */
public final class EmploymentForms {

    public static final Catalogue DEFAULT = Catalogue.of(List.of(
            Catalogue.Entry.of("LABOUR_CONTRACT", "劳动合同", "劳动合同用工", "签订劳动合同", "合同制"),
            Catalogue.Entry.of("DISPATCHED", "劳务派遣", "派遣"),
            Catalogue.Entry.of("PLATFORM_FLEXIBLE", "平台灵活就业", "灵活就业", "平台用工", "众包", "新就业形态"),
            Catalogue.Entry.of("SELF_EMPLOYED", "个体", "个体经营", "个体工商户", "自雇"),
            Catalogue.Entry.of("OTHER", "其他", "劳务外包", "外包", "非全日制", "非全日制用工", "兼职")));

    private EmploymentForms() {
    }
}
