package org.amicus.workflow.names;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where search-service, the owner of name matching, is; workflow-service asks it with its own
 * service account, never a user's token.
 */
@ConfigurationProperties("amicus.names")
record NamesProperties(URI url) {}
