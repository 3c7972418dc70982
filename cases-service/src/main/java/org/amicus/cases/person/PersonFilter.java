package org.amicus.cases.person;

import org.amicus.cases.shared.Visibility;

/** Filters of the person list; null means any. */
public record PersonFilter(
    String q, Occupation occupation, Visibility visibility, String ownerOrg, String region) {}
