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
 * outbox. A pending transfer is embedded ({@code pendingTransfer}), closed ones are kept in {@code transfers}, so
 * every transfer step is one conditional write of this document. Dates of the union calendar are ISO strings ({@code 2024-05-01}), so no time zone can shift them.
 */
@Document(MemberDocument.COLLECTION)
@CompoundIndex(name = MemberDocument.PERSON_INDEX, def = "{'citizenIdNumber.blindIndex': 1}", unique = true)
@CompoundIndex(name = "org_path", def = "{'orgPath': 1, '_id': 1}")
@CompoundIndex(name = "status_org_path", def = "{'status': 1, 'orgPath': 1}")
@CompoundIndex(name = "group_tags_org_path", def = "{'groupTags': 1, 'orgPath': 1}")
// The time-boxed grant: destination staff find incoming transfers by the pending transfer's destination path (and
// deadline); sparse, so only the few members with a pending transfer are in these indexes.
@CompoundIndex(name = "pending_transfer_to", def = "{'pendingTransfer.toOrgPath': 1, 'pendingTransfer.expiresAt': 1}",
        sparse = true)
@CompoundIndex(name = "pending_transfer_from", def = "{'pendingTransfer.fromOrgPath': 1}", sparse = true)
@CompoundIndex(name = "pending_transfer_id", def = "{'pendingTransfer.transferId': 1}", sparse = true)
@CompoundIndex(name = "pending_transfer_due", def = "{'pendingTransfer.expiresAt': 1}", sparse = true)
@CompoundIndex(name = "transfers_id", def = "{'transfers.transferId': 1}")
@CompoundIndex(name = "transfers_to", def = "{'transfers.toOrgPath': 1, 'transfers.status': 1}")
@CompoundIndex(name = "transfers_from", def = "{'transfers.fromOrgPath': 1, 'transfers.status': 1}")
class MemberDocument extends StoredPerson {

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
    TransferPart pendingTransfer;
    List<TransferPart> transfers = new ArrayList<>();
    Instant createdAt;
    Instant updatedAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

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
        String transferId;
    }

    static class TransferPart {
        String transferId;
        String fromOrgId;
        String fromOrgPath;
        String toOrgId;
        String toOrgPath;
        String requestedByKind;
        String requestedBySubject;
        String reasonCode;
        Instant requestedAt;
        Instant expiresAt;
        String status;
        Instant closedAt;
        String closedByKind;
        String closedBySubject;
        String declineReasonCode;
        String effectiveOn;
    }
}
