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
 * <p>The service's implementation is {@code MemberRegistrationEnrolment}, over the member feature's
 * {@code MemberRegistration}; the interface is the seam the tests use to hold a worker at a row or make one fail.
 *
 * <p>Called from worker threads, never from a request thread: up to {@code smartunion.enrolment.row-concurrency}
 * rows of one job at once (never two rows of the same person), and rows of other jobs besides. Implementations
 * are thread-safe.
 */
@FunctionalInterface
public interface RosterEnrolment {

    RowOutcome enrol(RosterRow row, EnrolmentContext context);
}
