package org.amicus.workflow.names;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;
import java.util.List;

/**
 * Where in a text persons are named, as search-service's one name matcher answers ({@code POST
 * /internal/names/matches}): offsets and person ids, never names. An interface so integration tests
 * can run without search-service.
 */
public interface NamesClient {

  /**
   * The places in {@code texts} that name a person the organisation can read, or one of {@code
   * personIds} (the persons of the linked cases) whatever their readers.
   *
   * @throws Unavailable when search-service cannot answer
   */
  Matches matches(String organisation, Collection<Long> personIds, List<Text> texts);

  /**
   * One outgoing text.
   *
   * @param field where it comes from, e.g. {@code sections[2].text}
   */
  record Text(String field, String text) {}

  /** The answer: spans that name persons and places that cannot be decided. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Matches(List<Span> spans, List<Place> undecidable) {
    public Matches {
      spans = spans == null ? List.of() : List.copyOf(spans);
      undecidable = undecidable == null ? List.of() : List.copyOf(undecidable);
    }
  }

  /**
   * A name form in a text.
   *
   * @param start first char (UTF-16 index into the field's text)
   * @param end one past the last char
   * @param personIds every person the span may be
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Span(String field, int start, int end, List<Long> personIds) {
    public Span {
      personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
  }

  /** A place that looks like a protected name but cannot be matched with certainty. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Place(String field, int start, int end) {}

  /** search-service could not be reached or answered with an error. */
  class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
