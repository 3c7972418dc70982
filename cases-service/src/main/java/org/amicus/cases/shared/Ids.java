package org.amicus.cases.shared;

import java.util.Optional;

/** Record ids as they travel in the change feed: text, numbers for cases-service's records. */
public final class Ids {

  private Ids() {}

  /** The numeric id {@code id} names, or empty when it is not one of ours. */
  public static Optional<Long> numeric(String id) {
    return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.valueOf(id)) : Optional.empty();
  }
}
