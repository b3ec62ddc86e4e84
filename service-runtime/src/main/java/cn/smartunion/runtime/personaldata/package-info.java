/**
 * Personal-data protection (ARCHITECTURE §6): validated identifiers, field encryption with rotating keys, blind
 * indexes and display masks.
 *
 * <p>Configuration ({@link cn.smartunion.runtime.personaldata.PersonalDataProperties}), from the environment or a
 * Secret only:
 * <pre>
 * smartunion.personal-data.keys.k2025=&lt;base64 of 32 random bytes&gt;      # AES-256 keys by key id
 * smartunion.personal-data.active-key-id=k2025
 * smartunion.personal-data.blind-index-key=&lt;base64 of 32+ other random bytes&gt;
 * smartunion.personal-data.algorithm=AES_256_GCM                         # or SM4_GCM with sm4-keys.*
 * smartunion.personal-data.sm4-keys.gm2025=&lt;base64 of 16 random bytes&gt;
 * </pre>
 * A service stores {@code protector.protect(CitizenIdNumber.parse(input))} (ciphertext, blind index, mask), puts a
 * unique index on the blind index where it is the dedupe key, searches by {@code protector.blindIndex(input)}, and
 * answers with the mask. Response DTOs may hold a {@link cn.smartunion.runtime.personaldata.CitizenIdNumber}: it is
 * written masked.
 */
package cn.smartunion.runtime.personaldata;
