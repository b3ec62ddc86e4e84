package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.problem.FieldRuleViolation;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.rescope.SubtreeRescoper;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The tenancy directory of a service that does not own the tree: the organisations it may scope its records by,
 * projected idempotently from {@code membership.org.v1}. Reads are limited to a subtree in the query itself.
 *
 * <p>Each entry keeps the organisation's revision ({@code version}) and applies an organisation's events only in
 * increasing revision, so a redelivered or replayed event changes nothing. Events of different organisations may
 * arrive in any order (other keys, other partitions): a unit is therefore placed under its parent's path as this
 * directory knows it, whatever path its event carried, and a move re-paths the whole subtree with the
 * {@link SubtreeRescoper} (marker, batches, sweeper), so a unit whose registration overtook its ancestor's move, or
 * followed it, ends up in the same place.
 */
public class OrgDirectory {

    public static final String COLLECTION = "org_directory";

    /** The directory holds the tree itself; its {@code version} is the owner's revision, never bumped by a rescope. */
    public static final RescopeTarget RESCOPE_TARGET = RescopeTarget.treeBelow(COLLECTION, "path", null);

    private static final int MOVE_ATTEMPTS = 5;
    static final String PATH_INDEX = "path";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;
    private final SubtreeRescoper rescoper;
    private final Clock clock;
    private volatile boolean indexed;

    public OrgDirectory(MongoTemplate mongo, IdempotentProjection projection, SubtreeRescoper rescoper, Clock clock) {
        this.mongo = mongo;
        this.projection = projection;
        this.rescoper = rescoper;
        this.clock = clock;
    }

    /** @return false when this event (or a later revision of the organisation) had been applied before */
    public boolean apply(String eventId, OrgRegistered registered) {
        ensurePathIndex();
        Update effect = new Update()
                .set("code", registered.code())
                .set("name", registered.name())
                .set("orgType", registered.orgType())
                .set("parentId", registered.parentId())
                .set("path", placedUnder(registered.parentId(), registered.code(), registered.path()))
                .set("divisionCode", registered.divisionCode())
                .set("industryCodes", registered.industryCodes() == null ? List.of() : registered.industryCodes())
                .set("registeredAt", registered.registeredAt() == null ? null : Date.from(registered.registeredAt()))
                .setOnInsert("dissolved", false);
        return projection.apply(COLLECTION, registered.orgId(), eventId, olderThan(registered.version()),
                withVersion(effect, registered.version()));
    }

    /** Name and industries; the path only changes through a move. */
    public boolean apply(String eventId, OrgUpdated updated) {
        Update effect = new Update()
                .set("name", updated.name())
                .set("industryCodes", updated.industryCodes() == null ? List.of() : updated.industryCodes())
                .setOnInsert("path", updated.path())
                .setOnInsert("dissolved", false);
        return projection.apply(COLLECTION, updated.orgId(), eventId, olderThan(updated.version()),
                withVersion(effect, updated.version()));
    }

    public boolean apply(String eventId, OrgDissolved dissolved) {
        Update effect = new Update()
                .set("dissolved", true)
                .set("dissolvedOn", dissolved.effectiveOn() == null ? null : dissolved.effectiveOn().toString())
                .setOnInsert("path", dissolved.path());
        return projection.apply(COLLECTION, dissolved.orgId(), eventId, olderThan(dissolved.version()),
                withVersion(effect, dissolved.version()));
    }

    /**
     * Places the unit under its new parent and re-paths everything under it. The unit's new path and the rescope
     * marker are written together; a crash before the subtree followed is finished by the redelivery (which finds
     * the marker) or by the sweeper.
     */
    public boolean apply(String eventId, OrgMoved moved) {
        String orgId = moved.orgId();
        // a move of this unit that a crash interrupted must finish before its marker can be replaced
        rescoper.finishPending(RESCOPE_TARGET, orgId);
        boolean applied = false;
        for (int attempt = 0; attempt < MOVE_ATTEMPTS && !applied; attempt++) {
            Document entry = mongo.findById(orgId, Document.class, COLLECTION);
            if (entry != null && (appliedBefore(entry, eventId) || !isOlder(entry, moved.version()))) {
                return false;
            }
            String from = entry == null || entry.getString("path") == null ? moved.oldPath() : entry.getString("path");
            String to = placedUnder(moved.newParentId(), lastSegment(moved.newPath()), moved.newPath());
            if (within(to, from)) {
                // the new parent is still below the unit here only because its own move out has not arrived yet;
                // the event's path is right, and that later move re-paths the parent from wherever it is then
                to = moved.newPath();
            }
            Update effect = withVersion(new Update().set("path", to).set("parentId", moved.newParentId()),
                    moved.version());
            if (!from.equals(to)) {
                SubtreeRescoper.markPending(effect, from, to, clock.instant());
            }
            effect.push(IdempotentProjection.APPLIED_EVENTS).slice(-100).each(eventId);
            applied = entry == null ? insertIfAbsent(orgId, effect) : updateIfUnchanged(entry, from, effect);
        }
        if (!applied) {
            throw new IllegalStateException("organisation " + orgId + " kept changing while its move was applied");
        }
        rescoper.finishPending(RESCOPE_TARGET, orgId);
        return true;
    }

    private boolean insertIfAbsent(String orgId, Update effect) {
        effect.setOnInsert("dissolved", false);
        try {
            Query absent = Query.query(where("_id").is(orgId).and("path").exists(false));
            var result = mongo.upsert(absent, effect, COLLECTION);
            return result.getUpsertedId() != null || result.getModifiedCount() > 0;
        } catch (DuplicateKeyException createdMeanwhile) {
            return false;
        }
    }

    private boolean updateIfUnchanged(Document entry, String path, Update effect) {
        Query unchanged = Query.query(where("_id").is(entry.get("_id")).and("path").is(path));
        Object version = entry.get("version");
        unchanged.addCriteria(version == null ? where("version").exists(false) : where("version").is(version));
        return mongo.updateFirst(unchanged, effect, COLLECTION).getModifiedCount() > 0;
    }

    /** The unit's path under its parent as this directory knows the parent; the event's path while it does not. */
    private String placedUnder(String parentId, String code, String pathFromEvent) {
        if (parentId == null) {
            return pathFromEvent;
        }
        Query parentPath = Query.query(where("_id").is(parentId));
        parentPath.fields().include("path");
        Document parent = mongo.findOne(parentPath, Document.class, COLLECTION);
        return parent == null || parent.getString("path") == null ? pathFromEvent
                : parent.getString("path") + "/" + code;
    }

    private static boolean within(String path, String ancestorOrSelf) {
        return path.equals(ancestorOrSelf) || path.startsWith(ancestorOrSelf + "/");
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean appliedBefore(Document entry, String eventId) {
        List<?> applied = entry.getList(IdempotentProjection.APPLIED_EVENTS, Object.class);
        return applied != null && applied.contains(eventId);
    }

    private static boolean isOlder(Document entry, long version) {
        Number stored = entry.get("version", Number.class);
        return stored == null || stored.longValue() < version;
    }

    /** Events of producers that carry no revision are applied by event id alone. */
    private static Criteria olderThan(Long version) {
        if (version == null) {
            return null;
        }
        return new Criteria().orOperator(where("version").lt(version), where("version").exists(false));
    }

    private static Update withVersion(Update effect, Long version) {
        return version == null ? effect : effect.set("version", version);
    }

    public Optional<OrgDirectoryEntry> findWithin(String orgId, OrgPrincipal caller) {
        Query query = Query.query(where("_id").is(orgId)).addCriteria(OrgScope.subtree("path", caller));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(OrgDirectory::toEntry);
    }

    /**
     * The union a request names to place a record under: known, in the caller's subtree, not dissolved.
     *
     * @param field the request field that named the union, for the 400 when it is dissolved
     * @throws NotFoundException when the union is unknown or outside the caller's subtree
     */
    public OrgDirectoryEntry activeWithin(String field, String orgId, OrgPrincipal caller) {
        OrgDirectoryEntry org = findWithin(orgId, caller)
                .orElseThrow(() -> new NotFoundException("union organisation not found"));
        if (org.dissolved()) {
            throw new FieldRuleViolation(field, "the union organisation has been dissolved");
        }
        return org;
    }

    public long countWithin(OrgPrincipal caller) {
        return countWithin(caller, true);
    }

    public long countWithin(OrgPrincipal caller, boolean includeDissolved) {
        return mongo.count(within(caller, includeDissolved), COLLECTION);
    }

    public List<OrgDirectoryEntry> listWithin(OrgPrincipal caller, int page, int size) {
        return listWithin(caller, true, page, size);
    }

    /** Dissolved units stay readable by id; lists leave them out unless asked. */
    public List<OrgDirectoryEntry> listWithin(OrgPrincipal caller, boolean includeDissolved, int page, int size) {
        Query query = within(caller, includeDissolved).with(Sort.by("path")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(OrgDirectory::toEntry).toList();
    }

    /** Scoped reads and re-pathing select by an anchored prefix of the path, which an index on it answers. */
    private void ensurePathIndex() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("path", Sort.Direction.ASC).named(PATH_INDEX));
            indexed = true;
        }
    }

    private static Query within(OrgPrincipal caller, boolean includeDissolved) {
        Query query = new Query(OrgScope.subtree("path", caller));
        if (!includeDissolved) {
            query.addCriteria(where("dissolved").ne(true));
        }
        return query;
    }

    private static OrgDirectoryEntry toEntry(Document d) {
        Date registeredAt = d.getDate("registeredAt");
        String dissolvedOn = d.getString("dissolvedOn");
        List<String> industryCodes = d.getList("industryCodes", String.class);
        return new OrgDirectoryEntry(d.getString("_id"), d.getString("code"), d.getString("name"),
                d.getString("orgType"), d.getString("parentId"), d.getString("path"), d.getString("divisionCode"),
                registeredAt == null ? null : registeredAt.toInstant(),
                industryCodes == null ? List.of() : List.copyOf(industryCodes),
                Boolean.TRUE.equals(d.getBoolean("dissolved")),
                dissolvedOn == null ? null : LocalDate.parse(dissolvedOn));
    }
}
