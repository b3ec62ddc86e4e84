package cn.smartunion.runtime.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Org scope applied in the query, never after loading:
 * <pre>{@code
 * mongoTemplate.findOne(query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", principal)), Case.class)
 * }</pre>
 * returns null for a record outside the caller's subtree, which the service answers with 404 like a missing one.
 */
public final class OrgScope {

    private OrgScope() {
    }

    /**
     * Restricts {@code field} (holding the owner's org path) to the principal's subtree with an anchored prefix
     * regex {@code ^<path>(/|$)}, which MongoDB can answer from an index on the field. A principal without an org
     * path (a partner client) gets a criterion that matches nothing.
     */
    public static Criteria subtree(String field, OrgPrincipal principal) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(principal, "principal: is the endpoint authenticated with an org token?");
        if (!principal.hasOrgPath()) {
            return Criteria.where(field).in(List.of());
        }
        return Criteria.where(field).regex(subtreeRegex(principal.orgPath()));
    }

    /**
     * Restricts {@code field} to the subtree rooted at {@code orgPath}, for code that holds a scope as a path (a
     * domain port, a projection) rather than a principal.
     */
    public static Criteria subtree(String field, String orgPath) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(orgPath, "orgPath");
        return Criteria.where(field).regex(subtreeRegex(orgPath));
    }

    /**
     * Restricts {@code field} to paths strictly below {@code orgPath} (its descendants, not the path itself), with the
     * anchored prefix regex {@code ^<path>/}.
     */
    public static Criteria descendants(String field, String orgPath) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(orgPath, "orgPath");
        return Criteria.where(field).regex("^" + quote(orgPath) + "/");
    }

    /**
     * Restricts {@code field} to {@code orgPath} itself and the paths above it: records of the caller's union and of
     * the unions over it (programmes a city runs for its counties, a province's honour rounds), never a sibling's.
     */
    public static Criteria selfAndAncestors(String field, String orgPath) {
        Objects.requireNonNull(field, "field");
        return Criteria.where(field).in(selfAndAncestors(orgPath));
    }

    /** {@code 420000/420300/420322} gives {@code 420000}, {@code 420000/420300}, {@code 420000/420300/420322}. */
    public static List<String> selfAndAncestors(String orgPath) {
        Objects.requireNonNull(orgPath, "orgPath");
        List<String> paths = new ArrayList<>();
        int slash = -1;
        while ((slash = orgPath.indexOf('/', slash + 1)) > 0) {
            paths.add(orgPath.substring(0, slash));
        }
        paths.add(orgPath);
        return paths;
    }

    /** {@code ^<quoted path>(/|$)}: the path itself or anything below it, never a sibling sharing a prefix. */
    static String subtreeRegex(String orgPath) {
        return "^" + quote(orgPath) + "(/|$)";
    }

    // Org paths are validated to [A-Za-z0-9_-/] already; escaping every ASCII punctuation character keeps the
    // pattern a literal even if that rule is widened, and reads the same in PCRE (MongoDB) and java.util.regex.
    private static String quote(String literal) {
        StringBuilder quoted = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean punctuation = c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
            if (punctuation && c != '_') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
