package cn.smartunion.runtime.testing;

import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;

import java.time.Instant;

/**
 * The part of the union tree the services' Spring tests share: Hubei province, Shiyan city, and its Yunxi and Zhushan
 * counties (siblings, for the scope checks), put into a service's org directory as membership's events would.
 */
public final class DemoTree {

    public static final String HUBEI = "420000";
    public static final String SHIYAN = "420000/420300";
    public static final String YUNXI = "420000/420300/420322";
    public static final String ZHUSHAN = "420000/420300/420323";
    public static final String HUBEI_ID = "org-420000";
    public static final String SHIYAN_ID = "org-420300";
    public static final String YUNXI_ID = "org-420322";
    public static final String ZHUSHAN_ID = "org-420323";

    private DemoTree() {
    }

    /** Idempotent: the same event ids each time, so calling it before every test applies them once. */
    public static void registerIn(OrgDirectory directory) {
        register(directory, HUBEI_ID, null, HUBEI, "湖北省总工会", "PROVINCIAL_FEDERATION");
        register(directory, SHIYAN_ID, HUBEI_ID, SHIYAN, "十堰市总工会", "CITY_FEDERATION");
        register(directory, YUNXI_ID, SHIYAN_ID, YUNXI, "郧西县总工会", "COUNTY_FEDERATION");
        register(directory, ZHUSHAN_ID, SHIYAN_ID, ZHUSHAN, "竹山县总工会", "COUNTY_FEDERATION");
    }

    private static void register(OrgDirectory directory, String orgId, String parentId, String path, String name,
                                 String type) {
        String code = path.substring(path.lastIndexOf('/') + 1);
        directory.apply("registered-" + orgId, new OrgRegistered(orgId, code, name, type, parentId, path, code,
                Instant.parse("2026-01-01T00:00:00Z")));
    }
}
