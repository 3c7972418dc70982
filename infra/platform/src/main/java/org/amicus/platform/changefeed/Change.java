package org.amicus.platform.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change of one record, as a service's change feed publishes it.
 *
 * @param seq strictly increasing per service, in commit order; consumers use it as the version
 * @param type the kind of record, e.g. {@code case}, {@code person}, {@code submission}
 * @param id the record's id within its type
 * @param document the whole record after the change (with its ACL fields); null for a delete
 */
public record Change(
    long seq, String type, String id, Operation operation, Instant at, JsonNode document) {

  public enum Operation {
    UPSERT,
    DELETE
  }
}
