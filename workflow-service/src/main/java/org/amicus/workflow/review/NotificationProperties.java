package org.amicus.workflow.review;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go: Amicus knows organisations, not each person's address, so each
 * organisation has a team address and the coordinators one shared address.
 */
@ConfigurationProperties("amicus.notifications")
record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("notifications@amicus.local") String from,
    @DefaultValue("coordinators@amicus.local") String coordinators,
    Map<String, String> organisations) {

  NotificationProperties {
    organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
  }
}
