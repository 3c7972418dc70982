package org.amicus.cases.shared;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list, as every list endpoint answers it. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

  public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
    return new PageOf<>(
        page.getContent().stream().map(view).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements());
  }
}
