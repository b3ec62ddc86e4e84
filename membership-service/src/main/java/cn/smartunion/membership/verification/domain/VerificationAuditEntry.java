package cn.smartunion.membership.verification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The durable record of one verification call (ARCHITECTURE §5: every partner call is audited): who asked, when, what
 * they were told, and about whom only as the citizen ID number's blind index. Never the ID number, never the name.
 *
 * @param verificationId id given to the caller in the answer
 * @param clientId       the OAuth2 client the token was issued to ({@code azp})
 * @param subject        the token subject (the client's service account)
 * @param at             when the answer was given
 * @param outcome        what the caller was told
 * @param match          how the request matched member records (for investigations; the caller never learns it)
 * @param personKey      blind index of the citizen ID number asked about; null when it was invalid
 * @param disclosedOrgId the union named in the answer, null when none was
 * @param invalidField   the field rejected as invalid, for {@link Outcome#INVALID_INPUT}
 * @param requestId      the request's correlation id (X-Request-Id)
 * @param ownerPath      the org path owning this record (the partner's province): who may read it
 */
public record VerificationAuditEntry(String verificationId, String clientId, String subject, Instant at,
                                     Outcome outcome, Match match, String personKey, String disclosedOrgId,
                                     String invalidField, String requestId, String ownerPath) {

    public VerificationAuditEntry {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(ownerPath, "ownerPath");
    }

    public enum Outcome {
        ACTIVE,
        RETAINED,
        NOT_A_MEMBER,
        /** Answered 400: no lookup was made. */
        INVALID_INPUT;

        public static Outcome of(VerificationStatus status) {
            return valueOf(status.name());
        }
    }

    public enum Match {
        /** ID number and name match a record (its status decided the outcome). */
        MATCHED,
        NO_RECORD,
        /** A record has this ID number under another name; answered like {@link #NO_RECORD}. */
        NAME_MISMATCH,
        /** Invalid input: nothing was looked up. */
        NOT_LOOKED_UP
    }
}
