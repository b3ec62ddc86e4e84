package cn.smartunion.membership.org.domain;

import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A union organisation in the tree. State changes return the changed unit and the event they cause; the unit's
 * {@code version} counts its revisions and every event carries the revision it produced.
 */
public final class OrgUnit {

    /** Dates (founded, ends, dissolved) are calendar dates in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern DIVISION_CODE = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final String id;
    private final String code;
    private final String name;
    private final OrgType type;
    private final String parentId;
    private final OrgPath path;
    private final String divisionCode;
    private final OrgProfile profile;
    private final Instant registeredAt;
    private final Instant updatedAt;
    private final Dissolution dissolution;
    private final long version;

    private OrgUnit(String id, String code, String name, OrgType type, String parentId, OrgPath path,
                    String divisionCode, OrgProfile profile, Instant registeredAt, Instant updatedAt,
                    Dissolution dissolution, long version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.path = path;
        this.divisionCode = divisionCode;
        this.profile = profile;
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
        this.dissolution = dissolution;
        this.version = version;
    }

    /** Registers a root of the tree (a provincial federation, in a provincial installation). */
    public static Registered registerRoot(String id, String code, String name, OrgType type, Instant now) {
        return register(id, code, name, type, null, OrgPath.root(code), OrgProfile.none(), now);
    }

    /** Registers a unit under this one with nothing known beyond its place in the tree. */
    public Registered registerChild(String id, String code, String name, OrgType type, Instant now) {
        return registerChild(id, code, name, type, OrgProfile.none(), now);
    }

    /** Registers a unit under this one; its path is this unit's path plus its own code. */
    public Registered registerChild(String id, String code, String name, OrgType type, OrgProfile profile,
                                    Instant now) {
        if (isDissolved()) {
            throw new OrgStateConflict("nothing can be registered under a dissolved organisation");
        }
        if (type != null && !this.type.mayContain(type)) {
            throw new OrgRuleViolation("orgType", type + " cannot be registered under " + this.type);
        }
        return register(id, code, name, type, this.id, path.child(code), profile, now);
    }

    private static Registered register(String id, String code, String name, OrgType type, String parentId,
                                       OrgPath path, OrgProfile profile, Instant now) {
        Objects.requireNonNull(id, "id");
        if (type == null) {
            throw new OrgRuleViolation("orgType", "is required");
        }
        String divisionCode = null;
        if (type.isGeographic()) {
            if (!DIVISION_CODE.matcher(code).matches()) {
                throw new OrgRuleViolation("code", "a " + type + " is identified by its 6-digit administrative division code");
            }
            divisionCode = code;
        }
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        checkProfile(type, profile, today);
        if (profile.endsOn() != null && profile.endsOn().isBefore(today)) {
            throw new OrgRuleViolation("endsOn", "a project union cannot be registered after it has ended");
        }
        OrgUnit unit = new OrgUnit(id, code, checkedName(name), type, parentId, path, divisionCode, profile, now,
                null, null, 0);
        OrgRegistered event = new OrgRegistered(id, code, unit.name, type.name(), parentId, path.value(),
                divisionCode, now, profile.industryCodes(), profile.coveredUnitCodes(), ownershipName(profile),
                profile.employeeCount(), profile.foundedOn(), profile.endsOn(), unit.version);
        return new Registered(unit, event);
    }

    /**
     * Replaces the descriptive record (name and profile). The code, kind and place in the tree do not change here.
     *
     * @return empty when nothing changed (no revision, no event)
     */
    public Optional<Updated> update(String newName, OrgProfile newProfile, Instant now) {
        requireActive("a dissolved organisation cannot be changed");
        String checkedName = checkedName(newName);
        checkProfile(type, newProfile, LocalDate.ofInstant(now, CHINA));
        List<String> changed = new ArrayList<>();
        if (!checkedName.equals(name)) {
            changed.add("name");
        }
        if (!newProfile.industryCodes().equals(profile.industryCodes())) {
            changed.add("industryCodes");
        }
        if (!newProfile.coveredUnits().equals(profile.coveredUnits())) {
            changed.add("coveredUnits");
        }
        if (newProfile.ownership() != profile.ownership()) {
            changed.add("ownership");
        }
        if (!Objects.equals(newProfile.employeeCount(), profile.employeeCount())) {
            changed.add("employeeCount");
        }
        if (!Objects.equals(newProfile.foundedOn(), profile.foundedOn())) {
            changed.add("foundedOn");
        }
        if (!Objects.equals(newProfile.endsOn(), profile.endsOn())) {
            changed.add("endsOn");
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        OrgUnit updated = new OrgUnit(id, code, checkedName, type, parentId, path, divisionCode, newProfile,
                registeredAt, now, null, version + 1);
        OrgUpdated event = new OrgUpdated(id, path.value(), checkedName, newProfile.industryCodes(),
                newProfile.coveredUnitCodes(), ownershipName(newProfile), newProfile.employeeCount(),
                newProfile.foundedOn(), newProfile.endsOn(), List.copyOf(changed), updated.version, now);
        return Optional.of(new Updated(this, updated, event));
    }

    /**
     * Places this unit under {@code newParent}; everything under it follows. Also re-aligns a unit whose path no
     * longer matches its own parent's (the parent moved while this unit was being placed).
     *
     * @return empty when the unit already sits where it would go
     */
    public Optional<Moved> moveUnder(OrgUnit newParent, Instant now) {
        requireActive("a dissolved organisation cannot be moved");
        if (parentId == null) {
            throw new OrgRuleViolation("newParentId", "the root of the tree cannot be moved");
        }
        if (newParent.id.equals(id) || newParent.path.isWithin(path)) {
            throw new OrgRuleViolation("newParentId", "a unit cannot be moved under itself or a unit below it");
        }
        if (newParent.isDissolved()) {
            throw new OrgStateConflict("nothing can be placed under a dissolved organisation");
        }
        if (!newParent.type.mayContain(type)) {
            throw new OrgRuleViolation("newParentId", "a " + type + " cannot be placed under a " + newParent.type);
        }
        OrgPath newPath = newParent.path.child(code);
        if (newParent.id.equals(parentId) && newPath.equals(path)) {
            return Optional.empty();
        }
        OrgUnit moved = new OrgUnit(id, code, name, type, newParent.id, newPath, divisionCode, profile, registeredAt,
                updatedAt, null, version + 1);
        OrgMoved event = new OrgMoved(id, parentId, newParent.id, path.value(), newPath.value(), moved.version, now);
        return Optional.of(new Moved(this, moved, event));
    }

    /**
     * Dissolves this unit. Refused while units under it are still active or it still has members: those are moved,
     * dissolved or transferred first.
     *
     * @param activeUnitsBelow units directly under this one that are not dissolved
     * @param members          the unit's current member count
     */
    public Dissolved dissolve(String reasonCode, LocalDate effectiveOn, long activeUnitsBelow, long members,
                              Instant now) {
        requireActive("the organisation is dissolved already");
        if (parentId == null) {
            throw new OrgStateConflict("the root of the tree cannot be dissolved");
        }
        if (reasonCode == null || !REASON_CODE.matcher(reasonCode).matches()) {
            throw new OrgRuleViolation("reasonCode", "must be an upper-case code such as ENTERPRISE_CLOSED");
        }
        if (effectiveOn == null) {
            throw new OrgRuleViolation("effectiveOn", "is required");
        }
        if (effectiveOn.isAfter(LocalDate.ofInstant(now, CHINA))) {
            throw new OrgRuleViolation("effectiveOn", "must not be in the future");
        }
        if (profile.foundedOn() != null && effectiveOn.isBefore(profile.foundedOn())) {
            throw new OrgRuleViolation("effectiveOn", "must not be before the founding date");
        }
        if (activeUnitsBelow > 0) {
            throw new OrgStateConflict("the organisation still has " + activeUnitsBelow
                    + " active unit(s) under it; move or dissolve them first");
        }
        if (members > 0) {
            throw new OrgStateConflict("the organisation still has " + members
                    + " member(s); transfer them or end their membership first");
        }
        Dissolution dissolutionNow = new Dissolution(reasonCode, effectiveOn, now);
        OrgUnit dissolved = new OrgUnit(id, code, name, type, parentId, path, divisionCode, profile, registeredAt,
                now, dissolutionNow, version + 1);
        OrgDissolved event = new OrgDissolved(id, path.value(), reasonCode, effectiveOn, dissolved.version, now);
        return new Dissolved(this, dissolved, event);
    }

    private static void checkProfile(OrgType type, OrgProfile profile, LocalDate today) {
        Objects.requireNonNull(profile, "profile");
        if (!profile.coveredUnits().isEmpty() && !type.coversUnits()) {
            throw new OrgRuleViolation("coveredUnits", "only federations and joint unions cover units; a " + type
                    + " does not");
        }
        if (type == OrgType.PROJECT_UNION && profile.endsOn() == null) {
            throw new OrgRuleViolation("endsOn", "a project union needs the date it ends");
        }
        if (type != OrgType.PROJECT_UNION && profile.endsOn() != null) {
            throw new OrgRuleViolation("endsOn", "only project unions have an end date");
        }
        if (profile.foundedOn() != null && profile.foundedOn().isAfter(today)) {
            throw new OrgRuleViolation("foundedOn", "must not be in the future");
        }
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new OrgRuleViolation("name", "must be 1 to 200 characters");
        }
        return name.strip();
    }

    private static String ownershipName(OrgProfile profile) {
        return profile.ownership() == null ? null : profile.ownership().name();
    }

    private void requireActive(String message) {
        if (isDissolved()) {
            throw new OrgStateConflict(message);
        }
    }

    /** Rebuilds a unit from storage; no events. */
    public static OrgUnit restore(String id, String code, String name, OrgType type, String parentId, OrgPath path,
                                  String divisionCode, OrgProfile profile, Instant registeredAt, Instant updatedAt,
                                  Dissolution dissolution, long version) {
        return new OrgUnit(id, code, name, type, parentId, path, divisionCode,
                profile == null ? OrgProfile.none() : profile, registeredAt, updatedAt, dissolution, version);
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

    public OrgProfile profile() {
        return profile;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** When the record last changed after registration, or null. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** How the unit ended, or null while it is active. */
    public Dissolution dissolution() {
        return dissolution;
    }

    public boolean isDissolved() {
        return dissolution != null;
    }

    /** Revision counter: 0 when registered, one more with every change (and with every re-pathing from above). */
    public long version() {
        return version;
    }

    /** The unit just registered and the event announcing it. */
    public record Registered(OrgUnit unit, OrgRegistered event) {
    }

    /** The unit before and after an update, and the event. */
    public record Updated(OrgUnit before, OrgUnit unit, OrgUpdated event) {
    }

    /** The unit before and after a move, and the event. */
    public record Moved(OrgUnit before, OrgUnit unit, OrgMoved event) {
    }

    /** The unit before and after its dissolution, and the event. */
    public record Dissolved(OrgUnit before, OrgUnit unit, OrgDissolved event) {
    }
}
