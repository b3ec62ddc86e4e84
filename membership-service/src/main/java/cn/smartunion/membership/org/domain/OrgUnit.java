package cn.smartunion.membership.org.domain;

import cn.smartunion.contracts.membership.OrgRegistered;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A union organisation in the tree. State changes return the events they cause. */
public final class OrgUnit {

    private static final Pattern DIVISION_CODE = Pattern.compile("[1-9][0-9]{5}");

    private final String id;
    private final String code;
    private final String name;
    private final OrgType type;
    private final String parentId;
    private final OrgPath path;
    private final String divisionCode;
    private final Instant registeredAt;

    private OrgUnit(String id, String code, String name, OrgType type, String parentId, OrgPath path,
                    String divisionCode, Instant registeredAt) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.path = path;
        this.divisionCode = divisionCode;
        this.registeredAt = registeredAt;
    }

    /** Registers a root of the tree (a provincial federation, in a provincial installation). */
    public static Registered registerRoot(String id, String code, String name, OrgType type, Instant now) {
        return register(id, code, name, type, null, OrgPath.root(code), now);
    }

    /** Registers a unit under {@code parent}; its path is the parent's path plus its own code. */
    public Registered registerChild(String id, String code, String name, OrgType type, Instant now) {
        if (!mayContain(type)) {
            throw new OrgRuleViolation("orgType", type + " cannot be registered under " + this.type);
        }
        return register(id, code, name, type, this.id, path.child(code), now);
    }

    /** Federations at the top of the geographic chain only ever sit under the level above them. */
    private boolean mayContain(OrgType child) {
        return switch (child) {
            case NATIONAL_FEDERATION -> false;
            case PROVINCIAL_FEDERATION -> type == OrgType.NATIONAL_FEDERATION;
            default -> true;
        };
    }

    private static Registered register(String id, String code, String name, OrgType type, String parentId,
                                       OrgPath path, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new OrgRuleViolation("name", "must be 1 to 200 characters");
        }
        String divisionCode = null;
        if (type.isGeographic()) {
            if (!DIVISION_CODE.matcher(code).matches()) {
                throw new OrgRuleViolation("code", "a " + type + " is identified by its 6-digit administrative division code");
            }
            divisionCode = code;
        }
        OrgUnit unit = new OrgUnit(id, code, name.strip(), type, parentId, path, divisionCode, now);
        OrgRegistered event = new OrgRegistered(id, code, unit.name, type.name(), parentId, path.value(),
                divisionCode, now);
        return new Registered(unit, event);
    }

    /** Rebuilds a unit from storage; no events. */
    public static OrgUnit restore(String id, String code, String name, OrgType type, String parentId, OrgPath path,
                                  String divisionCode, Instant registeredAt) {
        return new OrgUnit(id, code, name, type, parentId, path, divisionCode, registeredAt);
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrgType type() {
        return type;
    }

    public String parentId() {
        return parentId;
    }

    public OrgPath path() {
        return path;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** The unit just registered and the event announcing it. */
    public record Registered(OrgUnit unit, OrgRegistered event) {
    }
}
