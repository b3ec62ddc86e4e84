package cn.smartunion.membership.joining.adapter.out.mongo;

import cn.smartunion.membership.member.adapter.out.mongo.StoredPerson;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An application as stored: the applicant's personal data only as {@link ProtectedValue}s (ciphertext, blind index,
 * masked form), the receiving union's id and path (scoped queries filter on {@code orgPath}), and the events still
 * waiting in its outbox.
 *
 * <p>One open application per person and per account without a partial index (which not every server used here
 * supports): {@code openPersonKey} and {@code openAccountSubject} hold the applicant's blind index and account only
 * while the application is open and are removed when it closes; sparse unique indexes over them let only open
 * applications collide.
 */
@Document(ApplicationDocument.COLLECTION)
@CompoundIndex(name = "status_org_path", def = "{'status': 1, 'orgPath': 1, 'submittedAt': 1}")
@CompoundIndex(name = "org_path", def = "{'orgPath': 1, 'submittedAt': 1}")
@CompoundIndex(name = "account", def = "{'accountSubject': 1, 'submittedAt': -1}")
class ApplicationDocument extends StoredPerson {

    static final String COLLECTION = "applications";
    static final String OPEN_PERSON_INDEX = "uniq_open_person";
    static final String OPEN_ACCOUNT_INDEX = "uniq_open_account";

    @Id
    String id;
    String orgId;
    String orgPath;
    String status;
    List<String> groupTags = new ArrayList<>();
    String joinChannel;
    String campaignId;
    String submittedByKind;
    String submittedBySubject;
    /** The applicant's own account when they applied themselves. */
    String accountSubject;
    Instant submittedAt;
    @Indexed(name = OPEN_PERSON_INDEX, unique = true, sparse = true)
    String openPersonKey;
    @Indexed(name = OPEN_ACCOUNT_INDEX, unique = true, sparse = true)
    String openAccountSubject;
    ApprovalPart approval;
    RejectionPart rejection;
    Instant withdrawnAt;
    Instant updatedAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    static class ApprovalPart {
        String approvedByKind;
        String approvedBySubject;
        Instant approvedAt;
        String effectiveOn;
        String memberId;
    }

    static class RejectionPart {
        String rejectedByKind;
        String rejectedBySubject;
        Instant rejectedAt;
        String reasonCode;
        String note;
    }
}
