package org.amicus.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** Creates the first generation and points the alias at it, unless the alias exists. */
  public synchronized void ensure() {
    try {
      if (current().isEmpty()) {
        String first = createGeneration();
        client
            .indices()
            .updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** A new, empty generation with the search mapping; not yet visible to readers. */
  public String createGeneration() throws IOException {
    String name = alias + "-" + GENERATION.format(clock.instant().atZone(java.time.ZoneOffset.UTC));
    try (InputStream mapping = mapping()) {
      client.indices().create(c -> c.index(name).withJson(mapping));
    }
    return name;
  }

  /** Points the alias at {@code next} and away from every other index, in one atomic request. */
  public void swapTo(String next) throws IOException {
    Optional<String> previous = current();
    client
        .indices()
        .updateAliases(
            u -> {
              previous.ifPresent(p -> u.actions(a -> a.remove(r -> r.index(p).alias(alias))));
              return u.actions(a -> a.add(add -> add.index(next).alias(alias)));
            });
  }

  /** Removes an old generation once nothing reads it. */
  public void drop(String index) throws IOException {
    client.indices().delete(d -> d.index(List.of(index)));
  }

  /** Makes writes visible now; tests and the rebuild's hand-over use it. */
  public void refresh(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
  }

  private static InputStream mapping() {
    InputStream mapping = SearchIndex.class.getResourceAsStream("/elasticsearch/search-index.json");
    if (mapping == null) {
      throw new IllegalStateException("search-index.json is missing from the classpath");
    }
    return mapping;
  }
}
