package cn.smartunion.runtime.problem;

/**
 * A write that must be conditional came without {@code If-Match}. Answered with 428
 * {@code urn:smartunion:problem:precondition-required}, so a client cannot overwrite a change it has not seen.
 *
 * <p>The message becomes the problem's {@code detail}; never put personal data in it.
 */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
