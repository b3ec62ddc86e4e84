# syntax=docker/dockerfile:1
#
# One image per deployable, from its executable jar (build the jars first: ./mvnw -DskipTests package):
#
#   docker build --build-arg DEPLOYABLE=membership-service --build-arg PORT=8081 -t smart-union/membership-service:0.1.0-SNAPSHOT .
#   docker build --build-arg DEPLOYABLE=gateway --build-arg PORT=8080 --build-arg HEALTH_PATH=/readyz -t smart-union/gateway:0.1.0-SNAPSHOT .
#
# docker-compose.yml builds all six this way (docker compose build). Ports and readiness paths are the deployables'
# own (server.port defaults in application.yml; the gateway answers /readyz on its edge port, its actuator is on 8090).

ARG JRE_IMAGE=eclipse-temurin:17-jre-noble

# --- the executable jar split into Spring Boot's layers (dependencies change less often than the application) ---
FROM ${JRE_IMAGE} AS layers
ARG DEPLOYABLE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${DEPLOYABLE}/target/${DEPLOYABLE}-${VERSION}-exec.jar application.jar
RUN test -n "${DEPLOYABLE}" \
 && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

# --- the runtime image: JRE only, non-root, read-only friendly (writes go to /tmp) ---
FROM ${JRE_IMAGE}
ARG DEPLOYABLE
ARG PORT=8080
ARG HEALTH_PATH=/actuator/health/readiness
LABEL org.opencontainers.image.title="smart-union ${DEPLOYABLE}" \
      org.opencontainers.image.source="smart-union-suite"

# a fixed numeric uid/gid, so Kubernetes can check runAsNonRoot without a user database
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers --chown=root:root /build/extracted/dependencies/ ./
COPY --from=layers --chown=root:root /build/extracted/spring-boot-loader/ ./
COPY --from=layers --chown=root:root /build/extracted/snapshot-dependencies/ ./
COPY --from=layers --chown=root:root /build/extracted/application/ ./
USER 10001:10001

# Heap and metaspace follow the container's memory limit, not the host's; out of memory ends the JVM so the
# orchestrator restarts it instead of leaving a half-working process.
ENV PORT=${PORT} \
    HEALTH_PATH=${HEALTH_PATH} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
EXPOSE ${PORT}

# bash alone (no curl in the JRE image): ready when the readiness endpoint answers 200
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' \"${HEALTH_PATH}\" >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
