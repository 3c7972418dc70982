package org.amicus.cases.shared;

import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Entity versions as strong ETags, and the If-Match check every write goes through. */
public final class Etag {

  private Etag() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * Refuses a write unless {@code ifMatch} names the current version: 428 when it is missing, 412
   * when it is stale (someone else changed the record since the caller read it).
   */
  public static void require(String ifMatch, long currentVersion) {
    require(ifMatch, of(currentVersion));
  }

  /** The same check against any strong ETag, e.g. a document's checksum. */
  public static void require(String ifMatch, String currentTag) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiProblem(
          HttpStatus.PRECONDITION_REQUIRED,
          ProblemTypes.PRECONDITION_FAILED,
          "Send If-Match with the ETag you read, so concurrent edits are not lost");
    }
    String value = ifMatch.trim();
    if ("*".equals(value)) {
      return;
    }
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (!value.equals(currentTag)) {
      throw ApiProblem.preconditionFailed(
          "The record was changed since you read it; reload it and apply your change again");
    }
  }
}
