# One image recipe for all four applications; docker-compose.yml passes the module's artifact and
# port. Build the jars first at the repository root (./mvnw package), then, e.g.:
#   docker build -f infra/compose/app.Dockerfile --build-arg ARTIFACT=amicus-cases-service \
#     --build-arg PORT=8081 cases-service
# The first stage splits the Spring Boot jar into layers, so that a rebuild after a code change
# replaces only the small application layer and reuses the dependency layers from the cache.
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JRE_IMAGE} AS layers
ARG ARTIFACT
WORKDIR /layers
COPY target/${ARTIFACT}-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${JRE_IMAGE}
ARG PORT
# A fixed numeric id, so that Kubernetes' runAsNonRoot can check it too.
RUN groupadd --system --gid 10001 amicus \
 && useradd --system --uid 10001 --gid amicus --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin amicus
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
# Defaults; docker-compose.yml sets its own.
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=6 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${AMICUS_MANAGEMENT_PORT:-${SERVER_PORT}}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
