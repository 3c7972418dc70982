package org.amicus.workflow.dispatch;

import java.util.Map;
import org.amicus.workflow.submission.SubmissionType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where submissions go and how they are signed.
 *
 * @param from the coalition's sending address
 * @param addresses the email address of each target
 * @param organisationNames display names of the organisations, for the document's cover
 * @param messageIdDomain the right-hand side of the Message-IDs this service generates
 */
@ConfigurationProperties("amicus.dispatch")
public record DispatchProperties(
    @DefaultValue("submissions@amicus.local") String from,
    Map<SubmissionType.Target, String> addresses,
    Map<String, String> organisationNames,
    @DefaultValue("amicus.local") String messageIdDomain) {

  public DispatchProperties {
    addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    organisationNames = organisationNames == null ? Map.of() : Map.copyOf(organisationNames);
  }

  String address(SubmissionType.Target target) {
    String address = addresses.get(target);
    if (address == null || address.isBlank()) {
      throw new IllegalStateException("No address configured for target " + target);
    }
    return address;
  }

  String organisationName(String id) {
    return organisationNames.getOrDefault(id, id);
  }
}
