package org.amicus.search.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndexProperties;
import org.springframework.stereotype.Component;

/**
 * What ingest must remember across restarts, kept in Elasticsearch beside the index (so it shares
 * its fate): a checkpoint per source in the state index, and the dead letters.
 */
@Component
class IngestState {

  private final ElasticsearchClient client;
  private final SearchIndexProperties properties;
  private final Clock clock;
  private volatile boolean ready;

  IngestState(ElasticsearchClient client, SearchIndexProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  /** Creates the two small indices if they are missing. */
  void ensure() throws IOException {
    if (ready) {
      return;
    }
    for (String index : List.of(properties.stateIndex(), properties.deadLetterIndex())) {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        try {
          client
              .indices()
              .create(
                  c ->
                      c.index(index)
                          .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                          .mappings(
                              m ->
                                  m.properties("seq", p -> p.long_(l -> l))
                                      .properties("source", p -> p.keyword(k -> k))
                                      .properties("at", p -> p.date(d -> d))));
        } catch (ElasticsearchException e) {
          if (!"resource_already_exists_exception".equals(e.error().type())) {
            throw e;
          }
        }
      }
    }
    ready = true;
  }

  /** The seq after which {@code source}'s feed is still to be read; 0 when never read. */
  long checkpoint(String source) throws IOException {
    ensure();
    GetResponse<Checkpoint> found =
        client.get(g -> g.index(properties.stateIndex()).id(id(source)), Checkpoint.class);
    return found.found() && found.source() != null ? found.source().seq() : 0;
  }

  void saveCheckpoint(String source, long seq) throws IOException {
    ensure();
    Checkpoint checkpoint = new Checkpoint(source, seq, clock.instant().toString());
    client.index(
        i ->
            i.index(properties.stateIndex())
                .id(id(source))
                .document(checkpoint)
                .refresh(Refresh.False));
  }

  void deadLetter(String source, IndexWriter.Rejected rejected) throws IOException {
    ensure();
    Change change = rejected.change();
    String id = source + ":" + change.seq();
    Optional<DeadLetter> previous = deadLetter(id);
    DeadLetter letter =
        new DeadLetter(
            id,
            source,
            change.seq(),
            change.type(),
            change.id(),
            change.operation().name(),
            rejected.errorType(),
            rejected.reason(),
            previous.map(p -> p.attempts() + 1).orElse(1),
            clock.instant().toString());
    client.index(
        i -> i.index(properties.deadLetterIndex()).id(id).document(letter).refresh(Refresh.True));
  }

  /** How many changes wait in the dead letters; NaN while Elasticsearch does not answer. */
  double deadLetterCount() {
    try {
      ensure();
      return client.count(c -> c.index(properties.deadLetterIndex())).count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  Optional<DeadLetter> deadLetter(String id) throws IOException {
    ensure();
    GetResponse<DeadLetter> found =
        client.get(g -> g.index(properties.deadLetterIndex()).id(id), DeadLetter.class);
    return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
  }

  List<DeadLetter> deadLetters() throws IOException {
    ensure();
    List<DeadLetter> letters = new ArrayList<>();
    client
        .search(
            s ->
                s.index(properties.deadLetterIndex())
                    .size(1000)
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
            DeadLetter.class)
        .hits()
        .hits()
        .forEach(h -> letters.add(h.source()));
    return letters;
  }

  void resolve(String id) throws IOException {
    client.delete(d -> d.index(properties.deadLetterIndex()).id(id).refresh(Refresh.True));
  }

  private static String id(String source) {
    return "checkpoint:" + source;
  }

  record Checkpoint(String source, long seq, String at) {}

  /**
   * A change that could not be indexed. It names the record and the reason, never the record's
   * content: admins see dead letters, and admins read no case content.
   */
  public record DeadLetter(
      String id,
      String source,
      long seq,
      String type,
      String recordId,
      String operation,
      String errorType,
      String reason,
      int attempts,
      String at) {}
}
