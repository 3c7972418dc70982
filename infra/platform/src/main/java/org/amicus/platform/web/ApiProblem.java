package org.amicus.platform.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error a service answers on purpose, rendered as {@code application/problem+json}. */
public class ApiProblem extends ErrorResponseException {

  public ApiProblem(HttpStatus status, URI type, String detail) {
    super(status, problem(status, type, detail), null);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " was not found");
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail);
  }

  public static ApiProblem preconditionFailed(String detail) {
    return new ApiProblem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, detail);
  }

  /** 400 naming every offending field. */
  public static ApiProblem invalid(List<FieldError> errors) {
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "The request has invalid fields");
    problem.getBody().setProperty("errors", List.copyOf(errors));
    return problem;
  }

  public static ApiProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  static ProblemDetail problem(HttpStatus status, URI type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
