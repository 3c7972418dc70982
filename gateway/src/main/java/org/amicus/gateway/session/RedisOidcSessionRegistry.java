package org.amicus.gateway.session;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Security's record of which gateway session belongs to which Keycloak session, kept in
 * Redis instead of one gateway's memory: Keycloak's back-channel logout reaches whichever gateway
 * the load balancer picks, and that one must find, and end, the sessions signed in at the others.
 *
 * <p>Each gateway session has one record (Java serialization through {@link SessionSerializer});
 * two sets per issuer index them by Keycloak session id ({@code sid}) and by subject ({@code sub}),
 * the two ways a logout token names what ended. Records and sets expire after the longest a sign-in
 * can last, so sessions that end without a logout leave nothing behind for long.
 */
final class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

  private static final String PREFIX = SessionConfiguration.NAMESPACE + ":oidc:";

  private final ReactiveRedisTemplate<String, byte[]> records;
  private final ReactiveStringRedisTemplate indexes;
  private final SessionSerializer serializer = new SessionSerializer();
  private final Duration lifetime;

  RedisOidcSessionRegistry(ReactiveRedisConnectionFactory redis, Duration lifetime) {
    this.records =
        new ReactiveRedisTemplate<>(
            redis,
            RedisSerializationContext.<String, byte[]>newSerializationContext(
                    RedisSerializer.string())
                .value(RedisSerializer.byteArray())
                .build());
    this.indexes = new ReactiveStringRedisTemplate(redis);
    this.lifetime = lifetime;
  }

  @Override
  public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
    OidcUser user = info.getPrincipal();
    String id = info.getSessionId();
    Mono<Boolean> record =
        records.opsForValue().set(record(id), serializer.serialize(info), lifetime);
    Flux<Boolean> indexed =
        Flux.fromIterable(indexKeys(user))
            .concatMap(key -> indexes.opsForSet().add(key, id).then(indexes.expire(key, lifetime)));
    return record.thenMany(indexed).then();
  }

  @Override
  public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
    return records
        .opsForValue()
        .getAndDelete(record(clientSessionId))
        .flatMap(bytes -> Mono.justOrEmpty(serializer.deserialize(bytes)))
        .cast(OidcSessionInformation.class)
        .flatMap(
            info ->
                Flux.fromIterable(indexKeys(info.getPrincipal()))
                    .concatMap(key -> indexes.opsForSet().remove(key, clientSessionId))
                    .then(Mono.just(info)));
  }

  @Override
  public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
    String issuer = token.getIssuer().toString();
    List<String> audience = token.getAudience();
    String key =
        token.getSessionId() != null
            ? index(issuer, "sid", token.getSessionId())
            : index(issuer, "sub", token.getSubject());
    return indexes
        .opsForSet()
        .members(key)
        .concatMap(this::removeSessionInformation)
        // The same checks as Spring Security's in-memory registry: the token is for this client.
        .filter(
            info -> {
              OidcUser user = info.getPrincipal();
              return user.getAudience() != null
                  && !Collections.disjoint(audience, user.getAudience())
                  && issuer.equals(user.getIssuer().toString());
            });
  }

  private static List<String> indexKeys(OidcUser user) {
    String issuer = user.getIssuer().toString();
    String sid = user.getClaimAsString("sid");
    return sid == null
        ? List.of(index(issuer, "sub", user.getSubject()))
        : List.of(index(issuer, "sub", user.getSubject()), index(issuer, "sid", sid));
  }

  private static String record(String clientSessionId) {
    return PREFIX + "session:" + clientSessionId;
  }

  private static String index(String issuer, String claim, String value) {
    return PREFIX + claim + ":" + issuer + ":" + value;
  }
}
