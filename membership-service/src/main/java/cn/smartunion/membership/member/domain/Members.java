package cn.smartunion.membership.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where member records are kept. Each write is one single-document operation carrying the events it causes in the
 * document's outbox, so state and events are stored together without a transaction.
 */
public interface Members {

    /**
     * Stores a newly registered member with its {@code MemberActivated}.
     *
     * @throws DuplicatePerson when a record for the same person (citizen ID blind index) exists: the unique index
     *                         decides, so of two concurrent registrations exactly one is stored
     * @throws DuplicateAccount when another record is already linked to the same account
     */
    void add(Member.Registered registration);

    /**
     * Writes the member's current state and appends {@code events} (contract payloads of
     * {@code membership.member.v1}) to its outbox, if the stored version is still the one the member was read at.
     *
     * @throws ConcurrentUpdate when someone else changed the record since it was read
     * @throws DuplicateAccount when another record is already linked to the same account
     */
    void update(Member member, List<Object> events);

    /** Unscoped: for use cases that have checked the caller's scope another way (imports, transfers). */
    Optional<Member> findById(String id);

    /** The member if it belongs to the union at {@code scopePath} or below it; otherwise not found. */
    Optional<Member> findWithin(String id, String scopePath);

    /** The record of the person with this citizen ID blind index, whatever its status. */
    Optional<Member> findByPersonKey(String personKey);

    /** The record of the person with this citizen ID blind index if it belongs to {@code scopePath} or below it. */
    Optional<Member> findByPersonKeyWithin(String personKey, String scopePath);

    /** The record linked to this account (token subject). */
    Optional<Member> findByAccount(String accountSubject);

    /** Members of the union at {@code filter.orgPath()} and below, newest first; personal data stays masked. */
    PageOf<MemberSummary> list(MemberFilter filter, int page, int size);

    /**
     * The member one of whose transfers (pending or closed) has this id, if {@code scopePath} covers that transfer's
     * origin or destination union; for decisions on the transfer. Which side may do what is the use case's business.
     */
    Optional<Member> findByTransfer(String transferId, String scopePath);

    /**
     * One transfer as {@code scopePath} may see it: the origin side sees its outgoing transfers whatever their status;
     * the destination side sees an incoming transfer while it is pending and before its deadline ({@code now}), and
     * once accepted (the member is then its own), never after it was declined, withdrawn or expired.
     */
    Optional<TransferSummary> findTransfer(String transferId, String scopePath, Instant now);

    /** Transfers by the same visibility as {@link #findTransfer}, newest first, filtered in the query. */
    PageOf<TransferSummary> listTransfers(TransferFilter filter, Instant now, int page, int size);

    /** Ids of members whose pending transfer is due at {@code now} (deadline reached), earliest deadline first. */
    List<String> findTransfersDue(Instant now, int limit);

    /**
     * @param orgPath  subtree to list (already narrowed to what the caller may see)
     * @param status   null for any
     * @param groupTag null for any
     */
    record MemberFilter(String orgPath, MemberStatus status, String groupTag) {
    }

    /** One row of a member list: what staff need to pick a record, with masked personal data. */
    record MemberSummary(String id, String maskedLegalName, String maskedCitizenIdNumber, String maskedMobilePhone,
                         Gender gender, String orgId, String orgPath, MemberStatus status, List<String> groupTags,
                         LocalDate joinedOn) {
    }

    enum TransferDirection {
        /** Transfers into the caller's subtree (the caller's side decides). */
        INCOMING,
        /** Transfers out of the caller's subtree (the caller's side requested them, or its member did). */
        OUTGOING
    }

    /**
     * @param scopePath subtree of the caller, matched against the destination (incoming) or origin (outgoing)
     */
    record TransferFilter(TransferDirection direction, String scopePath, TransferStatus status) {
    }

    /**
     * One transfer with the little a deciding union needs of the person: name and ID number masked.
     *
     * @param memberOrgPath the member's union now, to tell reads within the caller's scope from grant-based ones
     */
    record TransferSummary(String memberId, String memberOrgPath, String maskedLegalName,
                           String maskedCitizenIdNumber, Transfer transfer) {
    }

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    class DuplicatePerson extends RuntimeException {
        public DuplicatePerson() {
            super("a member record for this person already exists");
        }
    }

    class DuplicateAccount extends RuntimeException {
        public DuplicateAccount() {
            super("another member record is already linked to this account");
        }
    }

    class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String memberId) {
            super("member " + memberId + " was changed concurrently");
        }
    }
}
