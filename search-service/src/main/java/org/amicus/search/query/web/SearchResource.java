package org.amicus.search.query.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.amicus.search.index.IndexDocuments;
import org.amicus.search.query.Acl;
import org.amicus.search.query.Facets;
import org.amicus.search.query.SearchPage;
import org.amicus.search.query.SearchQueries;
import org.amicus.search.query.SearchRequest;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One search over cases, persons, recommendations and submissions. */
@RestController
@RequestMapping("/api/search")
class SearchResource {

  static final int MAX_SIZE = 100;
  static final int MAX_QUERY = 500;

  private final SearchQueries queries;

  SearchResource(SearchQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  @Operation(
      summary = "Search everything the caller may open",
      description =
          "q: words (all must match), \"quoted phrases\"; filters as repeated parameters: "
              + "type, country, article, violation, status, year, organisation, compliance, "
              + "response, implementation, submissionStatus; sort: relevance|newest|year|title; "
              + "size 1-100; searchAfter: the previous page's next")
  SearchPage search(Caller caller, @RequestParam MultiValueMap<String, String> params) {
    requireContentReader(caller);
    List<FieldError> errors = new ArrayList<>();
    String q = params.getFirst("q");
    if (q != null && q.length() > MAX_QUERY) {
      errors.add(new FieldError("q", "at most " + MAX_QUERY + " characters"));
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String facet : Facets.FIELDS.keySet()) {
      List<String> values = params.getOrDefault(facet, List.of());
      if (!values.isEmpty()) {
        filters.put(facet, values);
      }
    }
    for (String type : filters.getOrDefault("type", List.of())) {
      if (!IndexDocuments.TYPES.contains(type)) {
        errors.add(
            new FieldError("type", "one of case, person, recommendation, submission, figure"));
      }
    }
    for (String year : filters.getOrDefault("year", List.of())) {
      if (!year.matches("\\d{1,4}")) {
        errors.add(new FieldError("year", "a year, e.g. 2019"));
      }
    }
    filters.computeIfPresent(
        "country", (k, v) -> v.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
    SearchRequest.Sort sort = SearchRequest.Sort.RELEVANCE;
    String sortParam = params.getFirst("sort");
    if (sortParam != null) {
      try {
        sort = SearchRequest.Sort.valueOf(sortParam.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("sort", "one of relevance, newest, year, title"));
      }
    }
    int size = 20;
    String sizeParam = params.getFirst("size");
    if (sizeParam != null) {
      try {
        size = Integer.parseInt(sizeParam);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > MAX_SIZE) {
        errors.add(new FieldError("size", "between 1 and " + MAX_SIZE));
      }
    }
    List<Object> searchAfter = null;
    String token = params.getFirst("searchAfter");
    if (token != null) {
      searchAfter = queries.decodeSearchAfter(token);
      if (searchAfter == null) {
        errors.add(new FieldError("searchAfter", "the next value of a previous page"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    SearchRequest request = new SearchRequest(q, filters, sort, size, searchAfter);
    return answer(() -> queries.search(caller, request));
  }

  @GetMapping("/suggest")
  @Operation(summary = "Names that complete what the caller typed, in any script or spelling")
  Suggestions suggest(
      Caller caller,
      @RequestParam(required = false) String prefix,
      @RequestParam(defaultValue = "10") String size) {
    requireContentReader(caller);
    List<FieldError> errors = new ArrayList<>();
    if (prefix == null || prefix.isBlank()) {
      errors.add(new FieldError("prefix", "must not be blank"));
    } else if (prefix.length() > 100) {
      errors.add(new FieldError("prefix", "at most 100 characters"));
    }
    int count = size.matches("\\d{1,2}") ? Integer.parseInt(size) : -1;
    if (count < 1 || count > 20) {
      errors.add(new FieldError("size", "between 1 and 20"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return answer(() -> new Suggestions(queries.suggest(caller, prefix, count)));
  }

  /**
   * Elasticsearch down or the index not there yet is a passing state of the service, not a bug:
   * 503, so clients and the gateway retry.
   */
  private static <T> T answer(Search<T> search) {
    try {
      return search.run();
    } catch (IOException | ElasticsearchException e) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "Search is unavailable for the moment; try again shortly");
    }
  }

  @FunctionalInterface
  private interface Search<T> {
    T run() throws IOException;
  }

  /** Admins run the platform but read no case content (docs/domain.md). */
  private static void requireContentReader(Caller caller) {
    if (!Acl.mayReadContent(caller)) {
      throw ApiProblem.forbidden("Only partners and coordinators search case content");
    }
  }

  record Suggestions(List<SearchQueries.Suggestion> suggestions) {}
}
