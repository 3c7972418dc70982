package org.amicus.workflow.cases;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where cases-service is and how workflow-service proves who it is there: its own Keycloak service
 * account (client credentials), never a user's token.
 */
@ConfigurationProperties("amicus.cases")
record CasesProperties(
    URI url,
    URI tokenUri,
    @DefaultValue("workflow-service") String clientId,
    String clientSecret,
    @DefaultValue("5s") Duration timeout) {}
