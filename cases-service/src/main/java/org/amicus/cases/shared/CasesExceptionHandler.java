package org.amicus.cases.shared;

import org.amicus.platform.web.ApiExceptionHandler;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.CorrelationId;
import org.slf4j.MDC;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Runs before every other advice. Boot's own problem-details handler is registered next to the
 * platform's {@link ApiExceptionHandler} and would otherwise answer framework errors first, without
 * the offending fields; this hands them to the platform's handler instead. It also maps database
 * outcomes that are the caller's doing, which would otherwise become a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CasesExceptionHandler {

  private final ApiExceptionHandler platform;

  CasesExceptionHandler(ApiExceptionHandler platform) {
    this.platform = platform;
  }

  @ExceptionHandler({
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class,
    MissingPathVariableException.class,
    MissingServletRequestParameterException.class,
    ServletRequestBindingException.class,
    MethodArgumentNotValidException.class,
    HandlerMethodValidationException.class,
    NoResourceFoundException.class,
    ErrorResponseException.class,
    MaxUploadSizeExceededException.class,
    ConversionNotSupportedException.class,
    TypeMismatchException.class,
    HttpMessageNotReadableException.class
  })
  ResponseEntity<Object> framework(Exception ex, WebRequest request) throws Exception {
    if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
      String type =
          mismatch.getRequiredType() == null ? "value" : mismatch.getRequiredType().getSimpleName();
      return platform.handleException(
          ApiProblem.invalid(mismatch.getName(), "must be a valid " + type), request);
    }
    return platform.handleException(ex, request);
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

  private static ResponseEntity<Object> answer(ApiProblem problem) {
    ProblemDetail body = problem.getBody();
    String correlationId = MDC.get(CorrelationId.MDC_KEY);
    if (correlationId != null) {
      body.setProperty("correlationId", correlationId);
    }
    return ResponseEntity.status(problem.getStatusCode())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
