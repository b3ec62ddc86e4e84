package cn.smartunion.runtime.problem;

/**
 * The requested resource does not exist, or exists outside the caller's scope (answered alike so existence is not
 * revealed). Answered with 404 {@code urn:smartunion:problem:not-found}.
 *
 * <p>The message becomes the problem's {@code detail}: write it for the client ("Member not found") and never put
 * personal data in it. Plain Java so domain and application code may throw it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
