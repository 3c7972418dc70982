package org.amicus.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The search index: a generation of a physical index ({@code amicus-search-<timestamp>}) behind the
 * alias every reader and writer uses. One index holds all four record types, so one query with one
 * access filter, one set of facets and one {@code search_after} sort covers them all; a rebuild
 * fills a new generation and moves the alias in one atomic step.
 *
 * <p>Each generation has a twin, {@code <generation>-names} behind {@code <alias>-names}: every
 * person's name forms and readers for the name matcher, which only the internal names call reads.
 * The twins are created, filled, swapped, refreshed and dropped together.
 */
@Component
public class SearchIndex {

  private static final DateTimeFormatter GENERATION =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public SearchIndex(ElasticsearchClient client, SearchIndexProperties properties, Clock clock) {
    this.client = client;
    this.alias = properties.alias();
    this.clock = clock;
  }

  /** The name readers and writers use. */
  public String alias() {
    return alias;
  }

  /** The alias of the names index, which only the internal names call reads. */
  public String namesAlias() {
    return namesOf(alias);
  }

  /** The names twin of {@code target}: the names alias for the alias, or a generation's twin. */
  public static String namesOf(String target) {
    return target + "-names";
  }

  /**
   * Creates the first generation and points the aliases at it, unless the alias exists. An index
   * from before the names index gets an empty names index marked incomplete, which the names call
   * refuses to answer from until a rebuild has filled it.
   */
  public synchronized void ensure() {
    try {
      Optional<String> current = current();
      if (current.isEmpty()) {
        String first = createGeneration();
        client
            .indices()
            .updateAliases(
                u ->
                    u.actions(a -> a.add(add -> add.index(first).alias(alias)))
                        .actions(a -> a.add(add -> add.index(namesOf(first)).alias(namesAlias()))));
      } else if (!exists(namesAlias())) {
        String names = namesOf(current.get());
        if (!exists(names)) {
          createNames(names, false);
        }
        client
            .indices()
            .updateAliases(u -> u.actions(a -> a.add(add -> add.index(names).alias(namesAlias()))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the names index holds every person: false until a rebuild after an upgrade. */
  public boolean namesComplete() throws IOException {
    var mappings = client.indices().getMapping(g -> g.index(namesAlias())).result();
    return !mappings.isEmpty()
        && mappings.values().stream()
            .allMatch(
                m -> {
                  var complete = m.mappings().meta().get("complete");
                  return complete != null && complete.to(Boolean.class);
                });
  }

  private boolean exists(String name) throws IOException {
    return client.indices().exists(e -> e.index(name)).value();
  }

  /** The physical index the alias points at, if any. */
  public Optional<String> current() throws IOException {
    try {
      Map<String, IndexAliases> aliases = client.indices().getAlias(g -> g.name(alias)).result();
      return aliases.keySet().stream().findFirst();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A new, empty generation and its names twin; not yet visible to readers. */
  public String createGeneration() throws IOException {
    String name = alias + "-" + GENERATION.format(clock.instant().atZone(java.time.ZoneOffset.UTC));
    try (InputStream mapping = mapping("search-index.json")) {
      client.indices().create(c -> c.index(name).withJson(mapping));
    }
    createNames(namesOf(name), true);
    return name;
  }

  private void createNames(String name, boolean complete) throws IOException {
    String json;
    try (InputStream mapping = mapping("names-index.json")) {
      json = new String(mapping.readAllBytes(), StandardCharsets.UTF_8);
    }
    String marked = json.replace("\"complete\": true", "\"complete\": " + complete);
    client.indices().create(c -> c.index(name).withJson(new StringReader(marked)));
  }

  /**
   * Points the alias at {@code next} and the names alias at its twin, away from every other index,
   * in one atomic request.
   */
  public void swapTo(String next) throws IOException {
    Optional<String> previous = current();
    Optional<String> previousNames = exists(namesAlias()) ? namesCurrent() : Optional.empty();
    client
        .indices()
        .updateAliases(
            u -> {
              previous.ifPresent(p -> u.actions(a -> a.remove(r -> r.index(p).alias(alias))));
              previousNames.ifPresent(
                  p -> u.actions(a -> a.remove(r -> r.index(p).alias(namesAlias()))));
              return u.actions(a -> a.add(add -> add.index(next).alias(alias)))
                  .actions(a -> a.add(add -> add.index(namesOf(next)).alias(namesAlias())));
            });
  }

  private Optional<String> namesCurrent() throws IOException {
    return client.indices().getAlias(g -> g.name(namesAlias())).result().keySet().stream()
        .findFirst();
  }

  /** Removes an old generation and its names twin once nothing reads them. */
  public void drop(String index) throws IOException {
    client.indices().delete(d -> d.index(List.of(index, namesOf(index))).ignoreUnavailable(true));
  }

  /** Makes writes visible now; tests and the rebuild's hand-over use it. */
  public void refresh(String index) throws IOException {
    client.indices().refresh(r -> r.index(List.of(index, namesOf(index))).ignoreUnavailable(true));
  }

  private static InputStream mapping(String file) {
    InputStream mapping = SearchIndex.class.getResourceAsStream("/elasticsearch/" + file);
    if (mapping == null) {
      throw new IllegalStateException(file + " is missing from the classpath");
    }
    return mapping;
  }
}
