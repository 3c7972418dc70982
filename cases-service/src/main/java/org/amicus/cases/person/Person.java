package org.amicus.cases.person;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amicus.cases.encryption.SealedContact;
import org.amicus.cases.shared.Visibility;

@Entity
class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String originalName;

  @ElementCollection
  @CollectionTable(name = "person_spelling", joinColumns = @JoinColumn(name = "person_id"))
  @OrderColumn(name = "position")
  @Column(name = "spelling")
  List<String> spellings = new ArrayList<>();

  Integer birthYear;

  @Enumerated(EnumType.STRING)
  Gender gender;

  String region;

  @Enumerated(EnumType.STRING)
  Occupation occupation;

  /** Sealed at rest (AES-GCM); only the owner organisation ever sees it. */
  @Convert(converter = SealedContact.class)
  @Column(name = "contact_sealed")
  String contact;

  String pseudonym;
  String ownerOrg;

  @Enumerated(EnumType.STRING)
  Visibility visibility;

  boolean demo;
  Instant createdAt;
  Instant updatedAt;

  @Version long version;

  /** Every name the person is known by, original script first. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(originalName);
    spellings.stream().filter(s -> !names.contains(s)).forEach(names::add);
    return names;
  }
}
