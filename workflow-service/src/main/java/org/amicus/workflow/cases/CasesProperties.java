package org.amicus.workflow.cases;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where cases-service is; workflow-service reaches it with its service account or a user's token.
 */
@ConfigurationProperties("amicus.cases")
record CasesProperties(URI url) {}
