package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.runtime.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An organisation as stored, with the events still waiting in its outbox. */
@Document(OrgUnitDocument.COLLECTION)
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
    Instant registeredAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();
}
