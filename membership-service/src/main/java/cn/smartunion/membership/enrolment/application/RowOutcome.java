package cn.smartunion.membership.enrolment.application;

import java.util.Objects;

/** What the member register did with one roster row. */
public sealed interface RowOutcome {

    /** The person became a member now (or was, by this same row of this same batch before a crash). */
    record Activated(String memberId) implements RowOutcome {
        public Activated {
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    /** The person was a member already; nothing changed. */
    record AlreadyMember() implements RowOutcome {
    }

    /**
     * The register refused the row.
     *
     * @param reasonCode stable, UPPER_SNAKE_CASE, no personal data (e.g. {@code MEMBERSHIP_TERMINATED_BY_DEATH})
     * @param field      the roster field at fault ({@code idNumber}, {@code name} ...), or null
     */
    record Rejected(String reasonCode, String field) implements RowOutcome {
        public Rejected {
            Objects.requireNonNull(reasonCode, "reasonCode");
        }
    }

    static RowOutcome activated(String memberId) {
        return new Activated(memberId);
    }

    static RowOutcome alreadyMember() {
        return new AlreadyMember();
    }

    static RowOutcome rejected(String reasonCode, String field) {
        return new Rejected(reasonCode, field);
    }
}
