package cn.smartunion.membership.enrolment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The names rosters use for the worker groups (DOMAIN.md §2.1). Which tags exist is the member register's configured
 * set ({@code smartunion.membership.group-tags}); this adds the other names offices write in roster cells
 * (外卖骑手 for 网约送餐员 …) to those tags, so a roster and a member record agree on every code.
 */
public final class GroupTags {

    /** The default tags with the names rosters commonly use for them. */
    public static final Catalogue DEFAULT = Catalogue.of(List.of(
            // 八大群体
            Catalogue.Entry.of("TRUCK_DRIVER", "货车司机", "卡车司机", "货运司机"),
            Catalogue.Entry.of("COURIER", "快递员", "快递小哥", "快递从业人员"),
            Catalogue.Entry.of("CARE_WORKER", "护工护理员", "护工", "护理员"),
            Catalogue.Entry.of("DOMESTIC_WORKER", "家政服务员", "家政"),
            Catalogue.Entry.of("MALL_INFORMATION_STAFF", "商场信息员"),
            Catalogue.Entry.of("FOOD_DELIVERY_RIDER", "网约送餐员", "外卖配送员", "外卖骑手", "骑手", "外卖员"),
            Catalogue.Entry.of("ESTATE_AGENT", "房产中介员", "房产中介"),
            Catalogue.Entry.of("SECURITY_GUARD", "保安员", "保安"),
            // 新就业形态 and other groups of the seeds
            Catalogue.Entry.of("NEW_FORM_WORKER", "新就业形态劳动者", "新就业形态", "新业态劳动者"),
            Catalogue.Entry.of("RIDE_HAILING_DRIVER", "网约车司机"),
            Catalogue.Entry.of("ONLINE_STREAMER", "网络主播"),
            Catalogue.Entry.of("MIGRANT_WORKER", "农民工"),
            Catalogue.Entry.of("ECOLOGICAL_RANGER", "生态管护员"),
            Catalogue.Entry.of("NOODLE_SHOP_WORKER", "拉面从业人员"),
            Catalogue.Entry.of("SANITATION_WORKER", "环卫工人", "环卫工"),
            Catalogue.Entry.of("RELOCATED_RESIDENT", "易地扶贫搬迁安置人员", "易地扶贫搬迁"),
            Catalogue.Entry.of("DISPATCHED_WORKER", "劳务派遣职工"),
            Catalogue.Entry.of("TEACHER", "教职工"),
            Catalogue.Entry.of("RETIREE", "离退休职工"),
            Catalogue.Entry.of("WOMEN_WORKER", "女职工")));

    /** The configured tags, each also known by the names rosters commonly use for it. */
    public static Catalogue rosterNames(List<Catalogue.Entry> configured) {
        List<Catalogue.Entry> entries = new ArrayList<>();
        for (Catalogue.Entry tag : configured) {
            List<String> aliases = new ArrayList<>();
            DEFAULT.entries().stream().filter(known -> known.code().equals(tag.code())).findFirst()
                    .ifPresent(known -> {
                        aliases.add(known.label());
                        aliases.addAll(known.aliases());
                    });
            aliases.remove(tag.label());
            entries.add(new Catalogue.Entry(tag.code(), tag.label(), aliases));
        }
        return Catalogue.of(entries);
    }

    private GroupTags() {
    }
}
