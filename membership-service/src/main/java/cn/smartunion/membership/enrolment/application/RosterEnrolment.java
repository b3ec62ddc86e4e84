package cn.smartunion.membership.enrolment.application;

/**
 * The one thing a roster import needs from the member register: make the person of one validated row a member.
 * The import has already checked everything that does not need the register (ID check digit, phone, credit code,
 * required fields, group tags, org scope, duplicates within the file); the register decides the rest.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>A person (by citizen ID number, province-wide) who is already a member of any org is {@code ALREADY_MEMBER}
 *       and stays where they are: an import never moves a member.</li>
 *   <li>Idempotent per {@code (context.batchId(), row.rowNumber())}: asked again for a row it has enrolled (a job
 *       resumed after a crash re-reads the rows after its last checkpoint), it answers {@code ACTIVATED} with the
 *       same memberId, so the job's counts stay exact.</li>
 *   <li>Safe under concurrency: two jobs enrolling the same person at once give one {@code ACTIVATED} and one
 *       {@code ALREADY_MEMBER} (a unique index on the ID number's blind index does this).</li>
 *   <li>A rule of the register that refuses the person is {@code REJECTED} with a stable reason code and the
 *       roster field at fault; an infrastructure failure is thrown, and the job retries from its checkpoint.</li>
 *   <li>Emits {@code MemberActivated} (joinChannel and campaignId from the context, enrolmentBatchId = batchId,
 *       actorKind IMPORT) for each activation itself.</li>
 * </ul>
 * <p>Exactly one bean implements it. Until the member feature is merged there is none in the service: the worker
 * stays idle and uploads are answered 503. The integrator adds one adapter, e.g.
 * {@code enrolment/adapter/out/member/MemberRegistrationEnrolment}, that maps the row and context to
 * {@code RegisterMember} and {@code MemberRegistration#register}'s {@code Activated(memberId, firstJoin)} /
 * {@code AlreadyMember()} to {@link RowOutcome}; the tests' {@code MongoRosterEnrolment} shows the contract.
 *
 * <p>Called from worker threads, never from a request thread: up to {@code smartunion.enrolment.row-concurrency}
 * rows of one job at once (never two rows of the same person), and rows of other jobs besides. Implementations
 * are thread-safe.
 */
@FunctionalInterface
public interface RosterEnrolment {

    RowOutcome enrol(RosterRow row, EnrolmentContext context);
}
