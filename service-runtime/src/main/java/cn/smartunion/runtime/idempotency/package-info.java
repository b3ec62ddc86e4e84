/**
 * {@code Idempotency-Key} for every service's retryable writes (ARCHITECTURE §7;
 * draft-ietf-httpapi-idempotency-key-header),
 * auto-configured by {@link cn.smartunion.runtime.idempotency.IdempotencyAutoConfiguration} for every servlet service
 * with MongoDB, without code in the controllers.
 *
 * <p>A POST, PUT, PATCH or DELETE with {@code Idempotency-Key: <8-128 visible ASCII>} takes effect once per
 * (caller, method, path, key); its retries within {@code smartunion.idempotency.retention} (24h) get the first
 * response again with {@code Idempotent-Replayed: true}; the same key with a different request is 422
 * {@code idempotency-key-reused}; a retry while the first request still runs waits up to
 * {@code in-progress-wait} (2s), then gets 409 {@code idempotency-key-in-progress} with {@code Retry-After}. 5xx,
 * 408 and 429 are not stored, so the client can retry. Keys live in the {@code idempotency_keys} collection
 * (TTL-indexed) and are claimed with single-document atomic operations only.
 *
 * <p>Delivery is "effectively once" within these limits: a request that runs longer than the
 * {@code lease} (60s) can be taken over by a retry and run twice; a request whose process dies after its effect
 * but before its response is stored runs again on the retry after the lease; an exception or 5xx releases the key
 * even if the effect was already written. Write endpoints stay idempotent in their own state where they can
 * (conditional updates, unique indexes) for those edges.
 */
package cn.smartunion.runtime.idempotency;
