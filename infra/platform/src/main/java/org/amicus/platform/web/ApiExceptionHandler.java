package org.amicus.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a servlet service answers is {@code application/problem+json} with a stable type, the
 * offending fields and the correlation id; never a stack trace or SQL text.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ProblemMessages messages;

  public ApiExceptionHandler(ProblemMessages messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream().map(ApiExceptionHandler::named).toList();
    return problem(ApiProblem.invalid(errors), request);
  }

  /**
   * A query parameter bound into a parameter object that could not be converted reads as one bound
   * alone does ({@link #typeMismatch}), without the converter's message.
   */
  private static FieldError named(org.springframework.validation.FieldError e) {
    if (e.isBindingFailure() && e.contains(TypeMismatchException.class)) {
      Class<?> type = e.unwrap(TypeMismatchException.class).getRequiredType();
      return new FieldError(
          e.getField(), "must be a valid " + (type == null ? "value" : type.getSimpleName()));
    }
    return new FieldError(e.getField(), e.getDefaultMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            e ->
                                new FieldError(
                                    result.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    return problem(ApiProblem.invalid(errors), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String message =
          mapping instanceof InvalidFormatException format
              ? "must be a valid " + format.getTargetType().getSimpleName()
              : "has a value of the wrong type or shape";
      return problem(ApiProblem.invalid(field, message), request);
    }
    ApiProblem malformed =
        new ApiProblem(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.MALFORMED_REQUEST,
            "The request body is missing or is not valid JSON");
    return problem(malformed, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(ApiProblem.invalid(ex.getParameterName(), "is required"), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
    String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
    return problem(ApiProblem.invalid(ex.getName(), "must be a valid " + type), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<FieldError> errors =
        ex.getConstraintViolations().stream()
            .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
            .toList();
    return problem(ApiProblem.invalid(errors), request);
  }

  /** The last resort: logged by type and place only, answered without any detail. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    if (ex instanceof ErrorResponse known) {
      return handleExceptionInternal(ex, null, known.getHeaders(), known.getStatusCode(), request);
    }
    // The message may quote user input or SQL; log where it happened, not what it said.
    StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
    log.error("Unhandled {} at {}", ex.getClass().getName(), where);
    ApiProblem internal =
        new ApiProblem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            ProblemTypes.INTERNAL,
            "Something went wrong on our side; nothing was changed. Quote the correlation id when"
                + " reporting it.");
    return problem(internal, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      decorate(problem);
    }
    return response;
  }

  private ResponseEntity<Object> problem(ApiProblem problem, WebRequest request) {
    return handleExceptionInternal(
        problem, problem.getBody(), problem.getHeaders(), problem.getStatusCode(), request);
  }

  private void decorate(ProblemDetail problem) {
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(ProblemTypes.of(HttpStatus.valueOf(problem.getStatus())));
    }
    messages.localise(problem, LocaleContextHolder.getLocale());
    String correlationId = MDC.get(CorrelationId.MDC_KEY);
    if (correlationId != null) {
      problem.setProperty("correlationId", correlationId);
    }
  }

  private static String path(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
