package org.amicus.cases.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code PATCH <records>/{id}} as a JSON Merge Patch (RFC 7396): only the fields sent change, null
 * clears, and the result goes through the same checks as a PUT (If-Match).
 *
 * @param <V> the record as one reader sees it
 */
public interface MergePatchEndpoint<V extends Versioned> {

  /** Applies {@code patch} to the record as a PUT would state it. */
  V mergePatch(Caller caller, long id, String ifMatch, JsonNode patch);

  @Operation(summary = "Change some fields of the record, as a JSON merge patch (If-Match)")
  @PatchMapping(
      path = "/{id}",
      consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
  default ResponseEntity<V> patch(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    return RecordResource.withEtag(mergePatch(caller, id, ifMatch, patch));
  }
}
