package org.amicus.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.names.NameDocuments;
import org.springframework.stereotype.Component;

/**
 * Applies changes to an index with external versioning: each document's version is the seq of the
 * change that produced it, so Elasticsearch itself refuses an older change (409), and replaying or
 * reordering changes never leaves an older state behind. Deletes are versioned too; their
 * tombstones live for {@code index.gc_deletes} (7 days in the mapping), longer than any replay. A
 * person goes into the names twin of the index in the same bulk request, with the same version.
 */
@Component
public class IndexWriter {

  /** Below this many changes a batch is projected on the calling thread alone. */
  private static final int PARALLEL_FROM = 64;

  private final ElasticsearchClient client;

  public IndexWriter(ElasticsearchClient client) {
    this.client = client;
  }

  /**
   * Applies {@code changes} of {@code source} to {@code index}: {@link #prepare} and {@link #write}
   * in one go.
   *
   * @return the changes that can never be indexed as they are (the poison ones)
   * @throws IOException or an Elasticsearch error when the whole batch should be tried again
   * @throws RetryableFailure when some changes failed for a reason that may pass (overload)
   */
  public List<Rejected> apply(String source, String index, List<Change> changes, boolean refresh)
      throws IOException {
    return write(index, prepare(source, changes), refresh);
  }

  /**
   * Projects {@code changes} of {@code source} into the documents a {@link #write} sends, names
   * folded, without touching the index, so the next batch can be prepared while one is written.
   * Large batches are projected on several threads; the result keeps the feed's order.
   */
  public Prepared prepare(String source, List<Change> changes) {
    Stream<Change> each =
        changes.size() >= PARALLEL_FROM ? changes.parallelStream() : changes.stream();
    return new Prepared(each.map(change -> project(source, change)).toList());
  }

  /**
   * Sends {@code prepared} to {@code index} in one bulk request, each document versioned with its
   * change's seq.
   *
   * @return the changes that can never be indexed as they are (the poison ones)
   * @throws IOException or an Elasticsearch error when the whole batch should be tried again
   * @throws RetryableFailure when some changes failed for a reason that may pass (overload)
   */
  public List<Rejected> write(String index, Prepared prepared, boolean refresh) throws IOException {
    List<Rejected> rejected = new ArrayList<>();
    List<BulkOperation> operations = new ArrayList<>();
    List<Change> sent = new ArrayList<>(); // the change of each operation, in order
    for (Projected projected : prepared.documents()) {
      Change change = projected.change();
      String key = IndexDocuments.key(change.type(), change.id());
      if (projected.invalid() != null) {
        rejected.add(new Rejected(change, "invalid_record", projected.invalid()));
        continue;
      }
      if (change.operation() == Change.Operation.DELETE) {
        operations.add(delete(index, key, change.seq()));
        sent.add(change);
      } else {
        operations.add(upsert(index, key, change.seq(), projected.document()));
        sent.add(change);
      }
      if (NameDocuments.TYPE.equals(change.type())) {
        // the person's name forms for the name matcher, under the same version
        String names = SearchIndex.namesOf(index);
        operations.add(
            projected.names() == null
                ? delete(names, key, change.seq())
                : upsert(names, key, change.seq(), projected.names()));
        sent.add(change);
      }
    }
    if (operations.isEmpty()) {
      return rejected;
    }
    BulkResponse response =
        client.bulk(
            b -> b.operations(operations).refresh(refresh ? Refresh.WaitFor : Refresh.False));
    if (!response.errors()) {
      return rejected;
    }
    boolean retry = false;
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      ErrorCause error = item.error();
      if (error == null || item.status() == 409 || item.status() == 404) {
        continue; // 409: a newer version is already there; 404: deleting what never arrived
      }
      if (item.status() == 429 || item.status() >= 500) {
        retry = true;
      } else if (rejected.isEmpty() || rejected.get(rejected.size() - 1).change() != sent.get(i)) {
        rejected.add(new Rejected(sent.get(i), error.type(), withoutValues(error.reason())));
      }
    }
    if (retry) {
      throw new RetryableFailure("Elasticsearch refused part of a batch for now");
    }
    return rejected;
  }

  /** One change projected: its documents (null for a delete), or why it cannot be indexed. */
  private static Projected project(String source, Change change) {
    if (change.operation() == Change.Operation.DELETE) {
      return new Projected(change, null, null, null);
    }
    try {
      Map<String, Object> doc = IndexDocuments.project(source, change);
      Map<String, Object> names =
          NameDocuments.TYPE.equals(change.type()) ? NameDocuments.project(change) : null;
      return new Projected(change, doc, names, null);
    } catch (IndexDocuments.InvalidDocument e) {
      return new Projected(change, null, null, e.getMessage());
    }
  }

  private static BulkOperation delete(String index, String key, long seq) {
    return BulkOperation.of(
        b -> b.delete(d -> d.index(index).id(key).version(seq).versionType(VersionType.External)));
  }

  private static BulkOperation upsert(String index, String key, long seq, Map<String, Object> doc) {
    return BulkOperation.of(
        b ->
            b.index(
                i ->
                    i.index(index)
                        .id(key)
                        .version(seq)
                        .versionType(VersionType.External)
                        .document(doc)));
  }

  /** The version (seq) of a record in {@code index}, or -1 when it is not there. */
  public long version(String index, String type, String id) throws IOException {
    var found =
        client.get(
            g -> g.index(index).id(IndexDocuments.key(type, id)).source(src -> src.fetch(false)),
            Void.class);
    return found.found() && found.version() != null ? found.version() : -1;
  }

  /** Elasticsearch quotes a preview of the offending value; that may be a name, keep it out. */
  static String withoutValues(String reason) {
    if (reason == null) {
      return null;
    }
    int preview = reason.indexOf("Preview of field's value");
    String kept = preview < 0 ? reason : reason.substring(0, preview);
    return kept.replaceAll("'[^']*'", "'…'").trim();
  }

  /** A batch of changes projected by {@link #prepare}, in the feed's order, ready to write. */
  public record Prepared(List<Projected> documents) {

    /** How many changes the batch holds. */
    public int size() {
      return documents.size();
    }
  }

  /**
   * One change as {@link #write} sends it: the search document and, for a person, the names
   * document (both null for a delete), or the reason it is invalid (naming fields, never values).
   */
  public record Projected(
      Change change, Map<String, Object> document, Map<String, Object> names, String invalid) {}

  /** A change Elasticsearch or the projection refused for good. */
  public record Rejected(Change change, String errorType, String reason) {}

  /** Part of a batch failed for a passing reason; the whole batch is retried (versions dedupe). */
  public static final class RetryableFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryableFailure(String message) {
      super(message);
    }
  }
}
