package cn.smartunion.runtime.problem;

/**
 * The {@code If-Match} of a request names a version the resource no longer has: somebody changed it since the client
 * read it. Answered with 412 {@code urn:smartunion:problem:precondition-failed}; the client reloads and retries.
 *
 * <p>The message becomes the problem's {@code detail}; never put personal data in it. Plain Java so application
 * code may throw it.
 */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
