package cn.smartunion.membership.enrolment.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

/**
 * Where an uploaded roster waits until its job has run: shared by every instance, so any of them can resume a job
 * whose worker died. The content is personal data: it is kept encrypted, and deleted when the job ends.
 */
public interface RosterFiles {

    void store(String jobId, InputStream content) throws IOException;

    /** @throws MissingRoster when nothing is stored for the job, or it cannot be decrypted */
    InputStream open(String jobId);

    void delete(String jobId);

    /** Jobs with a roster stored before {@code instant}, for removing those left behind. */
    Set<String> storedBefore(Instant instant);

    class MissingRoster extends RuntimeException {
        public MissingRoster(String message) {
            super(message);
        }
    }
}
