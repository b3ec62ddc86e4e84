package cn.smartunion.membership.member.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The union a member belongs to: its id and materialised path (the tenancy key scoped queries filter on). */
public record OrgRef(String id, String path) {

    private static final Pattern PATH = Pattern.compile("[0-9A-Za-z-]{1,32}(/[0-9A-Za-z-]{1,32})*");

    public OrgRef {
        Objects.requireNonNull(id, "id");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not an organisation path");
        }
    }

    /** True when {@code other} is this union or lies below it. */
    public boolean covers(String otherPath) {
        return otherPath != null && (otherPath.equals(path) || otherPath.startsWith(path + "/"));
    }
}
