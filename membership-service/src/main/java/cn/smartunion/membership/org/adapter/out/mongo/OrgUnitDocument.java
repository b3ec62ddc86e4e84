package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.runtime.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An organisation as stored, with the events still waiting in its outbox. Changes are written as conditional
 * single-document updates (see {@link MongoOrgUnits}), never by saving the whole document, so a re-pathing from
 * above and an update of the record cannot overwrite each other. While a move is unfinished the document also
 * carries the runtime's {@code rescope} marker, which this class does not map.
 */
@Document(OrgUnitDocument.COLLECTION)
@CompoundIndex(name = "children", def = "{'parentId': 1, 'dissolved': 1}")
class OrgUnitDocument {

    static final String COLLECTION = "orgs";

    @Id
    String id;
    String code;
    String name;
    String orgType;
    String parentId;
    /** Unique: one unit per code under a parent. Scoped reads filter on it by anchored prefix. */
    @Indexed(unique = true)
    String path;
    String divisionCode;
    List<String> industryCodes = new ArrayList<>();
    List<CoveredUnitDocument> coveredUnits = new ArrayList<>();
    String ownership;
    Integer employeeCount;
    /** ISO dates: calendar dates in China, stored as text so no time zone can shift them. */
    String foundedOn;
    String endsOn;
    Instant registeredAt;
    Instant updatedAt;
    boolean dissolved;
    String dissolutionReason;
    String dissolvedOn;
    Instant dissolvedAt;
    /** Revision: 0 at registration, +1 with every change and with every re-pathing from above. */
    @Version
    Long version;
    /** +1 whenever a unit is placed directly under this one; a dissolution is conditional on it. */
    long childrenRevision;
    List<OutboxEvent> outbox = new ArrayList<>();

    record CoveredUnitDocument(String name, String creditCode) {
    }
}
