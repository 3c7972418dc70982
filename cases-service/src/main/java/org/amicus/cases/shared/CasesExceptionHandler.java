package org.amicus.cases.shared;

import java.util.List;
import org.amicus.platform.web.ApiExceptionHandler;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.CorrelationId;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemMessages;
import org.amicus.platform.web.ProblemTypes;
import org.slf4j.MDC;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Runs before every other advice. Boot's own problem-details handler is registered next to the
 * platform's {@link ApiExceptionHandler} and would otherwise answer framework errors first, without
 * the offending fields; this hands them to the platform's handler instead. It also maps database
 * outcomes that are the caller's doing, which would otherwise become a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CasesExceptionHandler {

  private final ProblemMessages messages;

  CasesExceptionHandler(ProblemMessages messages) {
    this.messages = messages;
  }

  /** Two writers passed the If-Match check at the same moment; the later one lost. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> staleWrite() {
    return answer(
        ApiProblem.preconditionFailed(
            "The record was changed since you read it; reload it and apply your change again"));
  }

  /** A unique or foreign key refused the write; nothing was written. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity() {
    return answer(
        ApiProblem.conflict("The change conflicts with existing records; nothing was written"));
  }

  /** The servlet refused an upload above the document limit before any controller ran. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            ProblemTypes.PAYLOAD_TOO_LARGE,
            "The document is larger than the limit"
                + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : ""));
    problem.getBody().setProperty("errors", List.of(new FieldError("file", "is too large")));
    return answer(problem);
  }

  private ResponseEntity<Object> answer(ApiProblem problem) {
    ProblemDetail body = problem.getBody();
    messages.localise(body, LocaleContextHolder.getLocale());
    String correlationId = MDC.get(CorrelationId.MDC_KEY);
    if (correlationId != null) {
      body.setProperty("correlationId", correlationId);
    }
    return ResponseEntity.status(problem.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
