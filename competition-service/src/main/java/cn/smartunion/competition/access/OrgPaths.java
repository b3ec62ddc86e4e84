package cn.smartunion.competition.access;

import java.util.ArrayList;
import java.util.List;

public final class OrgPaths {

    private OrgPaths() {
    }

    /** {@code 420000/420300/420322} gives {@code 420000}, {@code 420000/420300}, {@code 420000/420300/420322}. */
    public static List<String> selfAndAncestors(String orgPath) {
        List<String> paths = new ArrayList<>();
        int slash = -1;
        while ((slash = orgPath.indexOf('/', slash + 1)) > 0) {
            paths.add(orgPath.substring(0, slash));
        }
        paths.add(orgPath);
        return paths;
    }
}
