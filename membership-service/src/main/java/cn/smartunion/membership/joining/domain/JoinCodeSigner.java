package cn.smartunion.membership.joining.domain;

import cn.smartunion.membership.member.domain.MemberRuleViolation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issues and verifies the signed, expiring join codes printed as QR codes on posters at stations and job sites
 * (扫码入会). A code is {@code <payload>.<mac>}, both base64url without padding: the payload is
 * {@code 1|<keyId>|<orgId>|<campaignId>|<validUntil epoch seconds>} and the MAC is HMAC-SHA256 over the encoded payload
 * with the key named in it. Nothing in a code is secret (anyone can decode the union id); what the MAC guarantees is
 * that only this service made it and that nobody changed the union, the campaign or the expiry.
 *
 * <p>Rotation: new codes are signed with the active key; codes signed with any other configured key still verify
 * until that key is removed from the configuration, which revokes all its codes at once.
 */
public final class JoinCodeSigner {

    /** The longest a code may be valid: posters stay up for a season or a campaign year, not for ever. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);
    /** Keys shorter than the MAC output would weaken it. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "1";
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern ORG_ID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    /**
     * @param keys        key id to key bytes (at least {@value #MIN_KEY_BYTES} each)
     * @param activeKeyId the key new codes are signed with
     * @throws IllegalArgumentException naming the key id at fault, never key material
     */
    public JoinCodeSigner(Map<String, byte[]> keys, String activeKeyId) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("no join-code key is configured");
        }
        Map<String, SecretKeySpec> checked = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("join-code key id '" + id
                        + "' must be 1 to 32 letters, digits, '_' or '-'");
            }
            if (key == null || key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("join-code key " + id + " must have at least " + MIN_KEY_BYTES
                        + " bytes");
            }
            checked.put(id, new SecretKeySpec(key.clone(), ALGORITHM));
        });
        if (activeKeyId == null || !checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active join-code key id '" + activeKeyId
                    + "' is not one of the configured keys " + checked.keySet());
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * A new code for the union {@code orgId}, valid until {@code validUntil} (to the second).
     *
     * @throws MemberRuleViolation naming {@code validUntil} or {@code campaignId}
     */
    public JoinCodeToken sign(String orgId, String campaignId, Instant validUntil, Instant now) {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new IllegalArgumentException("not an organisation id");
        }
        if (campaignId != null && !CAMPAIGN_ID.matcher(campaignId).matches()) {
            throw new MemberRuleViolation("campaignId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (validUntil == null) {
            throw new MemberRuleViolation("validUntil", "is required");
        }
        Instant until = validUntil.truncatedTo(ChronoUnit.SECONDS);
        if (!until.isAfter(now)) {
            throw new MemberRuleViolation("validUntil", "must be in the future");
        }
        if (until.isAfter(now.plus(MAX_VALIDITY))) {
            throw new MemberRuleViolation("validUntil", "must be at most " + MAX_VALIDITY.toDays() + " days ahead");
        }
        String payload = String.join("|", VERSION, activeKeyId, orgId, campaignId == null ? "" : campaignId,
                Long.toString(until.getEpochSecond()));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String token = encoded + "." + ENCODER.encodeToString(mac(keys.get(activeKeyId), encoded));
        return new JoinCodeToken(token, new JoinCode(orgId, campaignId, until, activeKeyId));
    }

    /**
     * What the code says, if this service signed it with a configured key and it is still valid at {@code now}.
     *
     * @throws JoinCodeRejected {@code INVALID} for anything malformed, tampered or signed with an unknown key,
     *                          {@code EXPIRED} for a genuine code past its validity
     */
    public JoinCode verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        String[] fields;
        try {
            fields = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (fields.length != 5 || !VERSION.equals(fields[0])) {
            throw invalid();
        }
        SecretKeySpec key = keys.get(fields[1]);
        // compared as encoded text, not decoded bytes: the last base64 character has bits a decoder ignores, so
        // decoded bytes would accept several spellings of one code
        if (key == null || !MessageDigest.isEqual(
                ENCODER.encodeToString(mac(key, encoded)).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        String orgId = fields[2];
        String campaignId = fields[3].isEmpty() ? null : fields[3];
        Instant validUntil;
        try {
            validUntil = Instant.ofEpochSecond(Long.parseLong(fields[4]));
        } catch (RuntimeException malformed) {
            throw invalid();
        }
        if (!ORG_ID.matcher(orgId).matches() || (campaignId != null && !CAMPAIGN_ID.matcher(campaignId).matches())) {
            throw invalid();
        }
        if (!now.isBefore(validUntil)) {
            throw new JoinCodeRejected(JoinCodeRejected.Reason.EXPIRED);
        }
        return new JoinCode(orgId, campaignId, validUntil, fields[1]);
    }

    private static byte[] mac(SecretKeySpec key, String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static JoinCodeRejected invalid() {
        return new JoinCodeRejected(JoinCodeRejected.Reason.INVALID);
    }

    /** A signed code and what it says. */
    public record JoinCodeToken(String token, JoinCode code) {
    }
}
