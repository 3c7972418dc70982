package org.amicus.cases.person;

/** Published in the transaction that changed a person, so documents quoting them follow. */
public record PersonChanged(long personId) {}
