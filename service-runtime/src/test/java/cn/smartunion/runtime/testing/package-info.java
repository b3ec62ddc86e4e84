/**
 * Test support published in service-runtime's test-jar: {@link cn.smartunion.runtime.testing.MongoWireServer}
 * (mongo-java-server on a free port), {@link cn.smartunion.runtime.testing.TestJwts} (MockMvc callers with an
 * {@code OrgPrincipal}), {@link cn.smartunion.runtime.testing.TestJwtIssuer} (signed tokens and a JWKS endpoint for
 * real-port tests) and {@link cn.smartunion.runtime.testing.TestPersonalDataKeys} (throw-away keys).
 *
 * <p>mongo-java-server does not implement the {@code hello} command Boot's Mongo health indicator sends: set
 * {@code management.health.mongodb.enabled=false} where a test asserts on {@code /actuator/health}.
 */
package cn.smartunion.runtime.testing;
