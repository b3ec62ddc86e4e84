package cn.smartunion.membership.staff.adapter.out.mongo;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A staff account as stored: no password, no personal data beyond the login name. */
@Document(StaffAccountDocument.COLLECTION)
@CompoundIndex(name = "in_flight", def = "{'status': 1, 'changedAt': 1}")
class StaffAccountDocument {

    static final String COLLECTION = "staff_accounts";

    @Id
    String id;
    /** Unique, lower case: one record per login name, which is what makes retried creations idempotent. */
    @Indexed(unique = true)
    String username;
    String keycloakUserId;
    String orgId;
    /** Scoped reads filter on it by anchored prefix. */
    @Indexed
    String orgPath;
    List<String> roles;
    List<String> requestedRoles;
    String status;
    String createdBy;
    String createdByUsername;
    Instant createdAt;
    Instant changedAt;
    @Version
    Long version;
}
