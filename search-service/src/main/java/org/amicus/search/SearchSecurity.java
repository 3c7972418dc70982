package org.amicus.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.amicus.platform.security.Role;
import org.amicus.platform.security.ServletSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Searching is for partners and coordinators; running the index is for admins; the name matcher is
 * for workflow-service's account alone (role case-reader); the change feed stays the indexer's.
 */
@Configuration(proxyBeanMethods = false)
class SearchSecurity {

  @Bean
  SecurityFilterChain searchFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
    return ServletSecurity.resourceServer(
            http,
            json,
            internal ->
                internal.requestMatchers("/internal/names/**").hasRole(Role.CASE_READER.claim()),
            auth ->
                auth.requestMatchers("/api/search/admin/**")
                    .hasRole(Role.ADMIN.claim())
                    .anyRequest()
                    .authenticated())
        .build();
  }
}
