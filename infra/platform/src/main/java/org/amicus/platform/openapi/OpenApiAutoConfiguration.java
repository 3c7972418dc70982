package org.amicus.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.amicus.platform.security.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Makes every service's {@code /v3/api-docs} a contract a coalition member can script against: the
 * Keycloak bearer scheme on every operation, the problem-details answers, licence and contact.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

  static {
    // The caller comes from the bearer token (CallerArgumentResolver), not from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  /**
   * Scripts call the services through the gateway, at the address the description was read from;
   * the service's own address (which springdoc would put here) is internal.
   */
  @Bean
  @ConditionalOnMissingBean(OpenAPI.class)
  OpenAPI amicusOpenApi() {
    return new OpenAPI()
        .servers(
            List.of(
                new Server()
                    .url("/")
                    .description("The Amicus gateway this description was read through")));
  }

  @Bean
  OpenApiCustomizer amicusOpenApiContract(
      @Value("${spring.application.name:amicus}") String application,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${amicus.api.contact.name}") String contactName,
      @Value("${amicus.api.contact.email:}") String contactEmail,
      @Value("${amicus.api.contact.url:}") String contactUrl) {
    Contact contact = new Contact().name(contactName);
    if (!contactEmail.isBlank()) {
      contact.email(contactEmail);
    }
    if (!contactUrl.isBlank()) {
      contact.url(contactUrl);
    }
    return new ApiContract(application, issuer, contact);
  }
}
