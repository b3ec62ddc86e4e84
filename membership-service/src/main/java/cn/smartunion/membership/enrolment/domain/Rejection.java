package cn.smartunion.membership.enrolment.domain;

/**
 * A roster row that was not enrolled, and why. Stored and shown without personal data in clear: {@code value} is
 * masked for ID and phone numbers, absent for names, and the plain text only for non-personal values (a group tag,
 * an org code, an employer's credit code).
 *
 * @param row       the row as a spreadsheet shows it (the header is row 1)
 * @param reason    a stable code: one of {@link RowProblem} or a code of the member register
 * @param field     the roster field at fault, e.g. {@code idNumber}; null when the row as a whole is at fault
 * @param detail    a finer code where there is one (e.g. {@code WRONG_CHECK_DIGIT}), else null
 * @param value     what the row held there, masked as above, or null
 * @param sameAsRow for a duplicate, the earlier row with the same person
 */
public record Rejection(int row, String reason, String field, String detail, String value, Integer sameAsRow) {

    public static Rejection of(int row, RowProblem problem, String field) {
        return new Rejection(row, problem.name(), field, null, null, null);
    }
}
