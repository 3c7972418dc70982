package org.amicus.cases.person;

import java.util.List;
import java.util.Map;

/**
 * What cases-service publishes on its change feed for a person, for search-service to index. The
 * contract is the JSON Schema {@code contracts/person-search-document.v1.schema.json} in this
 * module's resources, not this type: search-service reads it with a reader of its own.
 *
 * <p>{@code names} are what search may show (the pseudonym only for a public person who has not
 * consented to public naming); {@code nameForms} are every recorded form, unreduced, which
 * search-service keeps apart from the public index for the name matcher only. Never contact data.
 */
record PersonSearchDocument(
    Long id,
    String ownerOrg,
    String visibility,
    List<String> readers,
    List<String> names,
    List<String> nameForms,
    String pseudonym,
    String occupation,
    String region,
    Integer birthYear,
    Map<Channel, Boolean> consent,
    boolean demo) {}
