package cn.smartunion.runtime.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.Part;

import org.jspecify.annotations.Nullable;

/**
 * What makes a retry "the same request" as the first one sent with its key: method, path, query, content type and
 * the SHA-256 of the body. Each part is length-prefixed before hashing, so no two different requests share an
 * encoding.
 *
 * <p>Bodies are compared by content, not by bytes on the wire where the wire form is not the client's choice: a
 * multipart body by its parts (name, file name, content type, content), since a client library draws a new boundary
 * for every attempt; a form by its sorted parameters.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** Lower-case hex SHA-256 over the request's identity; {@code bodyDigest} is one of this class's digests. */
    static String of(String method, String path, @Nullable String query, @Nullable String contentType,
            byte[] bodyDigest) {
        MessageDigest digest = sha256();
        update(digest, method);
        update(digest, path);
        update(digest, query);
        update(digest, contentType == null ? null : normalisedContentType(contentType));
        update(digest, bodyDigest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code application/json; charset=UTF-8} and {@code Application/JSON;charset=utf-8} are one type; multipart
     * types lose their parameters (the boundary). */
    static String normalisedContentType(String contentType) {
        String compact = contentType.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (compact.startsWith("multipart/")) {
            int parameters = compact.indexOf(';');
            return parameters < 0 ? compact : compact.substring(0, parameters);
        }
        return compact;
    }

    static byte[] bodyDigest(byte[] body) {
        return sha256().digest(body);
    }

    /** Parts in the order sent; each by name, submitted file name, content type and content. */
    static byte[] partsDigest(Collection<Part> parts) throws IOException {
        MessageDigest digest = sha256();
        update(digest, Integer.toString(parts.size()));
        for (Part part : parts) {
            update(digest, part.getName());
            update(digest, part.getSubmittedFileName());
            update(digest, part.getContentType() == null ? null : normalisedContentType(part.getContentType()));
            MessageDigest content = sha256();
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    content.update(buffer, 0, n);
                }
            }
            update(digest, content.digest());
        }
        return digest.digest();
    }

    /** Parameters sorted by name, each name's values in the order sent. */
    static byte[] formDigest(Map<String, String[]> parameters) {
        MessageDigest digest = sha256();
        Map<String, String[]> sorted = new TreeMap<>(parameters);
        update(digest, Integer.toString(sorted.size()));
        sorted.forEach((name, values) -> {
            update(digest, name);
            update(digest, Integer.toString(values.length));
            for (String value : values) {
                update(digest, value);
            }
        });
        return digest.digest();
    }

    private static void update(MessageDigest digest, @Nullable String value) {
        update(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte @Nullable [] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
