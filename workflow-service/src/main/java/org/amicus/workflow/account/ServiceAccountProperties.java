package org.amicus.workflow.account;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workflow-service proves who it is to cases-service and search-service: its own Keycloak
 * service account (client credentials), never a user's token.
 *
 * @param timeout for connecting to and answering every call to another service
 */
@ConfigurationProperties("amicus.service-account")
public record ServiceAccountProperties(
    URI tokenUri,
    @DefaultValue("workflow-service") String clientId,
    String clientSecret,
    @DefaultValue("5s") Duration timeout) {}
