package org.amicus.platform.web;

/**
 * One offending field of a request, listed under {@code errors} in a problem response.
 *
 * @param field the JSON path of the field, e.g. {@code persons[0].birthYear}
 * @param message what is wrong, in words a user can act on
 */
public record FieldError(String field, String message) {}
