package org.amicus.workflow.submission;

import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Reads the ETag a client sends back in If-Match: {@code "7"} or {@code W/"7"}. */
public final class IfMatch {

  private IfMatch() {}

  /** The lock version the client read; 428 when it sent none, 412 when it is not ours. */
  public static long lockVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiProblem(
          HttpStatus.PRECONDITION_REQUIRED,
          ProblemTypes.PRECONDITION_FAILED,
          "Send the ETag you read in If-Match, so that nobody's work is silently overwritten");
    }
    try {
      return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      throw ApiProblem.preconditionFailed("If-Match does not name a version of this submission");
    }
  }
}
