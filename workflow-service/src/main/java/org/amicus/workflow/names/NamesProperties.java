package org.amicus.workflow.names;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where search-service (the owner of name matching) is and how workflow-service proves who it is
 * there: its own Keycloak service account, never a user's token.
 */
@ConfigurationProperties("amicus.names")
record NamesProperties(
    URI url,
    URI tokenUri,
    @DefaultValue("workflow-service") String clientId,
    String clientSecret,
    @DefaultValue("5s") Duration timeout) {}
