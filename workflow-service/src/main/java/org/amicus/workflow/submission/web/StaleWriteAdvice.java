package org.amicus.workflow.submission.web;

import org.amicus.platform.web.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two writers that passed the If-Match check at the same moment: the database's version check
 * catches the second, which gets the same 412 as any stale write.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaleWriteAdvice {

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ApiProblem staleWrite(OptimisticLockingFailureException e) {
    return ApiProblem.preconditionFailed(
        "The submission was changed by someone else; reload it and apply your edit again");
  }
}
