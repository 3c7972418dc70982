package org.amicus.cases.shared;

import java.util.Map;
import org.springframework.data.domain.Pageable;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters of a list, bound as one
 * parameter object.
 *
 * @param sort e.g. {@code reference} or {@code createdAt,desc}
 */
public record PageParams(Integer page, Integer size, String sort) {

  /** The page asked for, or 400 naming what a list cannot do ({@link Paging}). */
  public Pageable pageable(Map<String, String> sortable, String fallback) {
    return Paging.of(page, size, sort, sortable, fallback);
  }
}
