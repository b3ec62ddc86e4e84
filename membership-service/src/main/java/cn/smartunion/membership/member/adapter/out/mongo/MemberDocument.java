package cn.smartunion.membership.member.adapter.out.mongo;

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
 * A member as stored: personal data only as {@link ProtectedValue}s (ciphertext, blind index, masked form), the
 * owning union's id and path (scoped queries filter on {@code orgPath}), and the events still waiting in its
 * outbox. Dates of the union calendar are ISO strings ({@code 2024-05-01}), so no time zone can shift them.
 */
@Document(MemberDocument.COLLECTION)
@CompoundIndex(name = MemberDocument.PERSON_INDEX, def = "{'citizenIdNumber.blindIndex': 1}", unique = true)
@CompoundIndex(name = "org_path", def = "{'orgPath': 1, '_id': 1}")
@CompoundIndex(name = "status_org_path", def = "{'status': 1, 'orgPath': 1}")
@CompoundIndex(name = "group_tags_org_path", def = "{'groupTags': 1, 'orgPath': 1}")
class MemberDocument {

    static final String COLLECTION = "members";
    /** One person, one member record province-wide: the unique dedupe key. */
    static final String PERSON_INDEX = "uniq_person";
    /** One account, one member record. */
    static final String ACCOUNT_INDEX = "uniq_account";

    @Id
    String id;
    String orgId;
    String orgPath;
    String status;
    ProtectedValue legalName;
    ProtectedValue citizenIdNumber;
    ProtectedValue mobilePhone;
    String gender;
    String birthDate;
    EmploymentPart employment;
    List<String> groupTags = new ArrayList<>();
    String joinChannel;
    String campaignId;
    String applicationId;
    String enrolmentBatchId;
    String joinedOn;
    String firstJoinedOn;
    Instant activatedAt;
    @Indexed(name = ACCOUNT_INDEX, unique = true, sparse = true)
    String accountSubject;
    List<HistoryEntry> history = new ArrayList<>();
    Instant createdAt;
    Instant updatedAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    static class EmploymentPart {
        String employerName;
        String employerCreditCode;
        String employmentForm;
        List<String> platforms = new ArrayList<>();
    }

    static class HistoryEntry {
        String from;
        String to;
        String orgId;
        String orgPath;
        String effectiveOn;
        Instant recordedAt;
        String actorKind;
        String actorSubject;
        String reasonCode;
    }
}
