package org.amicus.cases.shared;

import org.amicus.platform.security.Caller;
import org.springframework.data.domain.Pageable;

/**
 * What a service does for the operations every record offers at its path ({@link RecordResource}):
 * each checks who may do it, audits it, and answers the records as the caller may see them; a
 * change needs the version the caller read ({@code ifMatch}).
 *
 * @param <Q> the request that states a record
 * @param <V> the record as one reader sees it
 * @param <F> the filters of the list
 * @param <S> a record as a line of the list
 */
public interface Records<Q, V extends Records.Versioned, F, S> {

  /** A view that names its record and the version its ETag carries. */
  interface Versioned {
    long id();

    long version();
  }

  PageOf<S> list(Caller caller, F filter, Pageable page);

  V create(Caller caller, Q request);

  V get(Caller caller, long id);

  V update(Caller caller, long id, String ifMatch, Q request);

  void delete(Caller caller, long id, String ifMatch);
}
