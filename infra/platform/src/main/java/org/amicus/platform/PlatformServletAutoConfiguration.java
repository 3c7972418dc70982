package org.amicus.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.amicus.platform.security.CallerArgumentResolver;
import org.amicus.platform.security.ServletSecurity;
import org.amicus.platform.web.ApiExceptionHandler;
import org.amicus.platform.web.CorrelationIdFilter;
import org.amicus.platform.web.EnglishMessageInterpolator;
import org.amicus.platform.web.ProblemMessages;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** What every servlet service gets by depending on the platform library. */
@AutoConfiguration(
    before = {
      SecurityAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class,
      WebMvcAutoConfiguration.class // so Boot's own problem-details handler backs off
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformServletAutoConfiguration {

  /**
   * Every call needs a valid token; which record a caller may see is decided by the service per
   * record. A service with further URL rules declares its own chain with {@link ServletSecurity}.
   */
  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain amicusSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    return ServletSecurity.resourceServer(http, json, auth -> auth.anyRequest().authenticated())
        .build();
  }

  /**
   * No observation (metric, span) of each security filter, authentication and authorization: a case
   * read's profile showed them at about a tenth of the service's CPU. Each request is still
   * observed as a whole ({@code http.server.requests}, the server span), JDBC spans stay.
   */
  @Bean
  @ConditionalOnMissingBean(SecurityObservationSettings.class)
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
    FilterRegistrationBean<CorrelationIdFilter> registration =
        new FilterRegistrationBean<>(new CorrelationIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  ProblemMessages problemMessages() {
    return ProblemMessages.load();
  }

  @Bean
  ApiExceptionHandler apiExceptionHandler(ProblemMessages problemMessages) {
    return new ApiExceptionHandler(problemMessages);
  }

  /**
   * The caller's language from {@code Accept-Language}: English, Russian or Kazakh, else English.
   */
  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(ProblemMessages.LANGUAGES);
    resolver.setDefaultLocale(ProblemMessages.LANGUAGES.get(0));
    return resolver;
  }

  @Bean
  ValidationConfigurationCustomizer englishValidationMessages() {
    return configuration ->
        configuration.messageInterpolator(
            new EnglishMessageInterpolator(configuration.getDefaultMessageInterpolator()));
  }

  @Bean
  WebMvcConfigurer callerArgument() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }
}
