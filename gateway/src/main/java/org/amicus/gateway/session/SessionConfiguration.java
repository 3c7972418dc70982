package org.amicus.gateway.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * With {@code amicus.gateway.session.store=redis}, the browser sessions live in Redis (Spring
 * Session), so every gateway instance serves every signed-in browser: its login, its tokens (the
 * authorized clients TokenRelay hands on are session attributes, see LoginConfiguration), and its
 * sign-out. Spring Boot's own session auto-configuration is excluded (application.yml): it would
 * put sessions in Redis whenever the Redis starter is present, and the default is memory, so that
 * one gateway needs no Redis.
 *
 * <p>The session holds the person's access and refresh tokens: Redis must be reachable by the
 * gateways only and need a password (docs/security.md, "Shared sessions").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "amicus.gateway.session.store", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = SessionConfiguration.NAMESPACE)
class SessionConfiguration {

  static final String NAMESPACE = "amicus:gateway:session";

  /** Session attributes as Java serialization, read back through an allow-list of classes. */
  @Bean
  RedisSerializer<Object> springSessionDefaultRedisSerializer() {
    return new SessionSerializer();
  }

  /** The same idle timeout as in memory ({@code server.reactive.session.timeout}). */
  @Bean
  ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionTimeout(
      ServerProperties server) {
    return repository ->
        repository.setDefaultMaxInactiveInterval(server.getReactive().getSession().getTimeout());
  }

  /**
   * Which gateway sessions belong to which Keycloak session, in Redis too: Keycloak's back-channel
   * logout reaches one gateway, which must find the sessions signed in at any other.
   */
  @Bean
  ReactiveOidcSessionRegistry oidcSessionRegistry(
      ReactiveRedisConnectionFactory redis, SessionProperties sessions) {
    return new RedisOidcSessionRegistry(redis, sessions.longestSignIn());
  }
}
