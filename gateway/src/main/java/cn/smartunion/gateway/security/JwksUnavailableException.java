package cn.smartunion.gateway.security;

/** The issuer's signing keys could not be fetched and none are cached: tokens cannot be checked at all. */
public class JwksUnavailableException extends RuntimeException {

    public JwksUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public JwksUnavailableException(String message) {
        super(message);
    }
}
