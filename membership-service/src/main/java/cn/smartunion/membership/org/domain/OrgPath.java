package cn.smartunion.membership.org.domain;

import java.util.regex.Pattern;

/** Materialised path of codes from the root, e.g. {@code 420000/420300/420322}; the tenancy key of the suite. */
public record OrgPath(String value) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final Pattern PATH = Pattern.compile(CODE.pattern() + "(/" + CODE.pattern() + ")*");

    public OrgPath {
        if (value == null || !PATH.matcher(value).matches()) {
            throw new OrgRuleViolation("path", "must be codes of letters, digits or '-' separated by '/'");
        }
    }

    public static OrgPath root(String code) {
        return new OrgPath(checkedCode(code));
    }

    public OrgPath child(String code) {
        return new OrgPath(value + "/" + checkedCode(code));
    }

    private static String checkedCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new OrgRuleViolation("code", "must be 1 to 32 letters, digits or '-'");
        }
        return code;
    }

    /** True when this path is {@code other} or lies below it. */
    public boolean isWithin(OrgPath other) {
        return value.equals(other.value) || value.startsWith(other.value + "/");
    }

    /** This path and every path above it, the root first. */
    public java.util.List<OrgPath> selfAndAncestors() {
        java.util.List<OrgPath> paths = new java.util.ArrayList<>();
        int slash = -1;
        while ((slash = value.indexOf('/', slash + 1)) >= 0) {
            paths.add(new OrgPath(value.substring(0, slash)));
        }
        paths.add(this);
        return paths;
    }

    @Override
    public String toString() {
        return value;
    }
}
