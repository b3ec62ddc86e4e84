package cn.smartunion.membership.joining.application;

import java.net.URI;

/**
 * The join URL a QR code encodes: the member app's join page ({@code smartunion.membership.join-code.join-url-prefix},
 * e.g. {@code https://app.example-union.cn/join?code=}) followed by the code.
 */
public record JoinLinks(String prefix) {

    public JoinLinks {
        URI uri;
        try {
            uri = URI.create(prefix == null ? "" : prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the join URL prefix is not a URI");
        }
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the join URL prefix must be an absolute http(s) URL");
        }
    }

    /** The code is base64url and '.', safe in a URL as it is. */
    public String linkTo(String token) {
        return prefix + token;
    }
}
