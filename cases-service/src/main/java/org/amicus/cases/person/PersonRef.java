package org.amicus.cases.person;

/**
 * A person concerned by a case, as a case shows it.
 *
 * @param name the person's name when the caller may read the person, otherwise the pseudonym
 */
public record PersonRef(long id, String name, boolean pseudonymised) {}
