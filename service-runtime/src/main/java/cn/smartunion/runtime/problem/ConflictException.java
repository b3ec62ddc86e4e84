package cn.smartunion.runtime.problem;

/**
 * The request conflicts with the current state of the resource (a state transition that is no longer allowed, a
 * duplicate). Answered with 409 {@code urn:smartunion:problem:conflict}.
 *
 * <p>The message becomes the problem's {@code detail}: write it for the client and never put personal data in it.
 * Plain Java so domain and application code may throw it.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
