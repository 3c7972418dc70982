package org.amicus.platform.changefeed;

import java.util.List;

/**
 * A page of a change feed.
 *
 * @param next the {@code after} to ask for the next page
 * @param more whether more changes were waiting when this page was read
 */
public record ChangeBatch(List<Change> changes, long next, boolean more) {}
