package org.amicus.search.names.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.amicus.search.names.NameMatcher;
import org.amicus.search.names.NameMatches;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The name matcher for workflow-service (role {@code case-reader}; SearchSecurity refuses everyone
 * else): where a text names persons an organisation may read or that are linked. Offsets and ids
 * only in the answer; nothing of the request is logged.
 */
@RestController
class NamesResource {

  static final int MAX_TEXTS = 200;
  static final int MAX_CHARS = 200_000;
  static final int MAX_PERSON_IDS = 1_000;
  static final int MAX_FIELD = 200;
  static final int MAX_ORGANISATION = 100;

  private final NameMatches matches;

  NamesResource(NameMatches matches) {
    this.matches = matches;
  }

  @PostMapping("/internal/names/matches")
  @Operation(
      summary = "Where texts name persons an organisation may read, or linked persons",
      description =
          "For workflow-service (role case-reader) only. Considers every person whose readers grant"
              + " partner@ or coordinator@ the organisation, plus personIds whatever their readers."
              + " Finds every name word of 3+ letters alone and full names in any order, in any"
              + " letter case, with English possessive and Russian and Kazakh case endings, in"
              + " Cyrillic or any Latin transliteration. start/end are UTF-16 offsets into the"
              + " text, end exclusive; a span lists every person it may be. undecidable: words"
              + " that begin like a protected name but go on with letters that are no ending."
              + " Limits: at most "
              + MAX_TEXTS
              + " texts, "
              + MAX_CHARS
              + " characters in all, "
              + MAX_PERSON_IDS
              + " personIds, field names of "
              + MAX_FIELD
              + " characters. 503 while the names index is being rebuilt.")
  MatchesResponse matches(@RequestBody MatchesRequest request) {
    validate(request);
    List<NameMatcher.Text> texts =
        request.texts().stream().map(t -> new NameMatcher.Text(t.field(), t.text())).toList();
    List<Long> personIds = request.personIds() == null ? List.of() : request.personIds();
    NameMatcher.Result result;
    try {
      result = matches.match(request.organisation(), personIds, texts);
    } catch (IOException | ElasticsearchException | NameMatches.NamesNotReady e) {
      // callers refuse to send without an answer, so this is safe to retry later
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "Name matching is unavailable for the moment; try again shortly");
    }
    return new MatchesResponse(
        result.spans().stream()
            .map(s -> new SpanOut(s.field(), s.start(), s.end(), s.personIds()))
            .toList(),
        result.undecidable().stream()
            .map(p -> new PlaceOut(p.field(), p.start(), p.end()))
            .toList());
  }

  private static void validate(MatchesRequest request) {
    if (request == null) {
      throw ApiProblem.invalid("organisation", "must not be blank");
    }
    List<FieldError> errors = new ArrayList<>();
    String organisation = request.organisation();
    if (organisation == null || organisation.isBlank()) {
      errors.add(new FieldError("organisation", "must not be blank"));
    } else if (organisation.length() > MAX_ORGANISATION || organisation.contains("@")) {
      errors.add(new FieldError("organisation", "an organisation id"));
    }
    if (request.personIds() != null) {
      if (request.personIds().size() > MAX_PERSON_IDS) {
        errors.add(new FieldError("personIds", "at most " + MAX_PERSON_IDS));
      }
      for (int i = 0; i < request.personIds().size(); i++) {
        if (request.personIds().get(i) == null) {
          errors.add(new FieldError("personIds[" + i + "]", "must not be null"));
        }
      }
    }
    if (request.texts() == null) {
      errors.add(new FieldError("texts", "must not be null"));
    } else {
      if (request.texts().size() > MAX_TEXTS) {
        errors.add(new FieldError("texts", "at most " + MAX_TEXTS + " texts"));
      }
      long chars = 0;
      for (int i = 0; i < request.texts().size(); i++) {
        TextIn text = request.texts().get(i);
        if (text == null) {
          errors.add(new FieldError("texts[" + i + "]", "must not be null"));
          continue;
        }
        if (text.field() == null || text.field().isBlank()) {
          errors.add(new FieldError("texts[" + i + "].field", "must not be blank"));
        } else if (text.field().length() > MAX_FIELD) {
          errors.add(new FieldError("texts[" + i + "].field", "at most " + MAX_FIELD + " chars"));
        }
        if (text.text() == null) {
          errors.add(new FieldError("texts[" + i + "].text", "must not be null"));
        } else {
          chars += text.text().length();
        }
      }
      if (chars > MAX_CHARS) {
        errors.add(new FieldError("texts", "at most " + MAX_CHARS + " characters in all"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /**
   * @param organisation the lead organisation: its staff's reading rights choose the persons
   * @param personIds persons of linked cases, always considered
   * @param texts every text that will leave Amicus, each named by its field
   */
  record MatchesRequest(String organisation, List<Long> personIds, List<TextIn> texts) {}

  record TextIn(String field, String text) {}

  record MatchesResponse(List<SpanOut> spans, List<PlaceOut> undecidable) {}

  record SpanOut(String field, int start, int end, List<Long> personIds) {}

  record PlaceOut(String field, int start, int end) {}
}
