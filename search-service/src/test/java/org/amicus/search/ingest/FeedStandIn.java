package org.amicus.search.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.amicus.platform.changefeed.Change;
import org.amicus.platform.changefeed.ChangeBatch;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A stand-in for a peer service (cases-service, workflow-service): the change-feed contract over
 * real HTTP, served from records the test writes, guarded like the real one by a Keycloak token
 * with role {@code indexer} (checked against Keycloak's keys). It can be taken down and brought up.
 */
public final class FeedStandIn implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final HttpServer server;
  private final JwtDecoder tokens;
  private final List<Change> outbox = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private volatile boolean down;

  public FeedStandIn(String issuer) throws IOException {
    tokens = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/internal/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public synchronized long upsert(String type, String id, Map<String, ?> document) {
    long seq = outbox.size() + 1L;
    JsonNode node = JSON.valueToTree(document);
    outbox.add(new Change(seq, type, id, Change.Operation.UPSERT, Instant.now(), node));
    return seq;
  }

  public synchronized long delete(String type, String id) {
    long seq = outbox.size() + 1L;
    outbox.add(new Change(seq, type, id, Change.Operation.DELETE, Instant.now(), null));
    return seq;
  }

  /** Repairs the record a change carried, as a fix in the source would (for dead-letter retry). */
  synchronized void repair(long seq, Map<String, ?> document) {
    Change old = outbox.get((int) seq - 1);
    outbox.set(
        (int) seq - 1,
        new Change(
            seq, old.type(), old.id(), old.operation(), old.at(), JSON.valueToTree(document)));
  }

  synchronized List<Change> changes() {
    return List.copyOf(outbox);
  }

  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  int requests() {
    return requests.get();
  }

  /** Changes handed out by {@code /internal/changes} so far, over all callers: the ingest work. */
  int served() {
    return served.get();
  }

  /** The source's current state: key to title of every record that exists. */
  synchronized Map<String, String> state() {
    Map<String, String> state = new TreeMap<>();
    for (Change change : latest().values()) {
      if (change.operation() == Change.Operation.UPSERT) {
        state.put(change.type() + ":" + change.id(), change.document().path("title").asText());
      }
    }
    return state;
  }

  private Map<String, Change> latest() {
    Map<String, Change> latest = new LinkedHashMap<>();
    for (Change change : outbox) {
      latest.put(change.type() + ":" + change.id(), change);
    }
    return latest;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (down) {
        send(exchange, 503, "{\"title\":\"Service Unavailable\"}");
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !authorization.startsWith("Bearer ")) {
        send(exchange, 401, "{}");
        return;
      }
      try {
        Jwt jwt = tokens.decode(authorization.substring(7));
        Map<String, Object> realm = jwt.getClaimAsMap("realm_access");
        Object roles = realm == null ? null : realm.get("roles");
        if (!(roles instanceof Collection<?> names) || !names.contains("indexer")) {
          send(exchange, 403, "{}");
          return;
        }
      } catch (JwtException e) {
        send(exchange, 401, "{}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      long after = Long.parseLong(query.getOrDefault("after", "0"));
      int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
      String body;
      synchronized (this) {
        body =
            switch (path) {
              case "/internal/changes/head" -> Long.toString(outbox.size());
              case "/internal/changes" -> {
                ChangeBatch batch = page(outbox, after, limit);
                served.addAndGet(batch.changes().size());
                yield JSON.writeValueAsString(batch);
              }
              case "/internal/snapshot" -> {
                List<Change> current =
                    latest().values().stream()
                        .filter(c -> c.operation() == Change.Operation.UPSERT)
                        .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                        .toList();
                yield JSON.writeValueAsString(page(current, after, limit));
              }
              default -> null;
            };
      }
      if (body == null) {
        send(exchange, 404, "{}");
      } else {
        send(exchange, 200, body);
      }
    }
  }

  private static ChangeBatch page(List<Change> changes, long after, int limit) {
    List<Change> page = changes.stream().filter(c -> c.seq() > after).limit(limit + 1L).toList();
    boolean more = page.size() > limit;
    List<Change> shown = more ? page.subList(0, limit) : page;
    long next = shown.isEmpty() ? after : shown.get(shown.size() - 1).seq();
    return new ChangeBatch(shown, next, more);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
