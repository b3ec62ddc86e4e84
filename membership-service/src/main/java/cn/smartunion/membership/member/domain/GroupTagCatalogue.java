package cn.smartunion.membership.member.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The worker-group tags (八大群体, 新就业形态, 农民工 …) an installation accepts. The set differs by province
 * (DOMAIN.md §2.1: "十大群体", "四大重点群体"), so it comes from configuration; tags are multi-valued because the
 * groups overlap.
 */
public final class GroupTagCatalogue {

    public static final int MAX_TAGS = 32;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final Map<String, GroupTag> tags;
    private final List<GroupTag> ordered;

    public GroupTagCatalogue(List<GroupTag> tags) {
        Map<String, GroupTag> byCode = new LinkedHashMap<>();
        for (GroupTag tag : tags) {
            if (tag.code() == null || !CODE.matcher(tag.code()).matches()) {
                throw new IllegalArgumentException("group tag code '" + tag.code()
                        + "' must be capital letters, digits and '_' (2 to 64 characters)");
            }
            if (tag.label() == null || tag.label().isBlank()) {
                throw new IllegalArgumentException("group tag " + tag.code() + " needs a label");
            }
            if (byCode.put(tag.code(), tag) != null) {
                throw new IllegalArgumentException("group tag " + tag.code() + " is configured twice");
            }
        }
        this.tags = Map.copyOf(byCode);
        this.ordered = List.copyOf(byCode.values());
    }

    public List<GroupTag> tags() {
        return ordered;
    }

    public boolean knows(String code) {
        return tags.containsKey(code);
    }

    /**
     * The requested tags de-duplicated in their order; every tag must be configured except those in
     * {@code alreadyHeld}, which a member keeps even after the installation stopped offering them.
     */
    public List<String> check(String field, List<String> requested, Set<String> alreadyHeld) {
        Set<String> codes = new LinkedHashSet<>();
        if (requested != null) {
            for (String code : requested) {
                if (code == null || !(knows(code) || alreadyHeld.contains(code))) {
                    throw new MemberRuleViolation(field, "unknown group tag " + printable(code)
                            + "; the configured tags are " + this.tags.keySet());
                }
                codes.add(code);
            }
        }
        if (codes.size() > MAX_TAGS) {
            throw new MemberRuleViolation(field, "must list at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(codes);
    }

    // The code is echoed so staff see which tag is wrong; it is not personal data, but cut it short and keep it to
    // tag-like characters so nothing arbitrary is reflected.
    private static String printable(String code) {
        if (code == null) {
            return "null";
        }
        String cut = code.length() > 64 ? code.substring(0, 64) + "…" : code;
        return "'" + cut.replaceAll("[^0-9A-Za-z_]", "?") + "'";
    }

    /** A configured tag: the stable code on records and events, and its Chinese label for display. */
    public record GroupTag(String code, String label) {
    }
}
