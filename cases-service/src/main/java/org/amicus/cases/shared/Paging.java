package org.amicus.cases.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns the {@code page}, {@code size} and {@code sort} query parameters into a {@link Pageable},
 * refusing (400) what a list cannot do instead of silently clamping it.
 */
public final class Paging {

  public static final int MAX_SIZE = 100;

  private Paging() {}

  /**
   * @param sort e.g. {@code reference} or {@code createdAt,desc}
   * @param sortable API sort names mapped to entity properties
   */
  public static Pageable of(
      Integer page, Integer size, String sort, Map<String, String> sortable, String fallback) {
    List<FieldError> errors = new ArrayList<>();
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    if (p < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (s < 1 || s > MAX_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
    }
    Sort order = Sort.by(Sort.Direction.DESC, fallback);
    if (sort != null && !sort.isBlank()) {
      String[] parts = sort.split(",");
      String property = sortable.get(parts[0].trim());
      Sort.Direction direction = Sort.Direction.ASC;
      if (parts.length > 1) {
        direction = Sort.Direction.fromOptionalString(parts[1].trim()).orElse(null);
      }
      if (property == null || direction == null || parts.length > 2) {
        errors.add(
            new FieldError(
                "sort",
                "must be one of " + sortable.keySet() + ", optionally followed by ,asc|,desc"));
      } else {
        order = Sort.by(direction, property).and(Sort.by(Sort.Direction.ASC, "id"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return PageRequest.of(p, s, order);
  }
}
