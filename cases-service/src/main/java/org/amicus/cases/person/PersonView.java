package org.amicus.cases.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.cases.shared.Visibility;

/**
 * A person as the API shows it.
 *
 * @param contact present only for the owner organisation
 * @param consent the current state per channel
 * @param consentHistory every recorded decision, oldest first
 */
public record PersonView(
    long id,
    String originalName,
    List<String> spellings,
    Integer birthYear,
    Gender gender,
    String region,
    Occupation occupation,
    String contact,
    String pseudonym,
    String ownerOrg,
    Visibility visibility,
    Map<Channel, Boolean> consent,
    List<ConsentEntry> consentHistory,
    boolean demo,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  public record ConsentEntry(
      Channel channel, boolean granted, LocalDate date, Instant recordedAt, String recordedBy) {}
}
