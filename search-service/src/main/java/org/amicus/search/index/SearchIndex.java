package org.amicus.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The search index: a generation of a physical index ({@code amicus-search-<timestamp>}) behind the
 * alias every reader and writer uses. One index holds every record type, so one query with one
 * access filter, one set of facets and one {@code search_after} sort covers them all; a rebuild
 * fills a new generation and moves the alias in one atomic step.
 *
 * <p>The mapping carries a version ({@code _meta.version} in search-index.json), raised whenever
 * existing records need fields they do not have (version 2: {@code readers}; version 4: the titles
 * of a case's articles). A generation of an older version gets the new fields added in place, so
 * writes go on, and is reported {@link #outdated()}; its records lack the new fields until a
 * rebuild fills a new generation from the sources' snapshots. Until then, a record without {@code
 * readers} is found by nobody.
 *
 * <p>Each generation has a twin, {@code <generation>-names} behind {@code <alias>-names}: every
 * person's name forms and readers for the name matcher, which only the internal names call reads.
 * The twins are created, filled, swapped, refreshed and dropped together.
 */
@Component
public class SearchIndex {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  private static final DateTimeFormatter GENERATION =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;
  private final int version;

  /** The generation last found up to date (or brought up to date in place); null until checked. */
  private String checked;

  public SearchIndex(ElasticsearchClient client, SearchIndexProperties properties, Clock clock) {
    this.client = client;
    this.alias = properties.alias();
    this.clock = clock;
    this.version = definition().path("mappings").path("_meta").path("version").asInt(0);
  }

  /** The mapping version a generation created now has. */
  public int version() {
    return version;
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
   * Creates the first generation and points the aliases at it, unless the alias exists; gives a
   * generation of an older mapping version the new fields, so writes go on until its rebuild. An
   * index from before the names index gets an empty names index marked incomplete, which the names
   * call refuses to answer from until a rebuild has filled it.
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
        checked = first;
      } else if (!current.get().equals(checked)) {
        String generation = current.get();
        int found = versionOf(generation);
        if (found < version) {
          log.warn(
              "Search index {} has mapping version {}, not {}: adding the new fields; a rebuild"
                  + " gives its records their values",
              generation,
              found,
              version);
          try (InputStream fields = fieldsOnly()) {
            client.indices().putMapping(p -> p.index(generation).withJson(fields));
          }
        }
        if (!exists(namesAlias())) {
          String names = namesOf(generation);
          if (!exists(names)) {
            createNames(names, false);
          }
          client
              .indices()
              .updateAliases(
                  u -> u.actions(a -> a.add(add -> add.index(names).alias(namesAlias()))));
        }
        checked = generation;
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

  /**
   * True when the generation readers use was created with an older mapping: its records lack fields
   * (such as {@code readers}) that only a rebuild from the sources' snapshots fills.
   */
  public boolean outdated() throws IOException {
    Optional<String> current = current();
    return current.isPresent() && versionOf(current.get()) < version;
  }

  private int versionOf(String generation) throws IOException {
    IndexMappingRecord record =
        client.indices().getMapping(g -> g.index(generation)).result().get(generation);
    if (record == null || record.mappings() == null) {
      return 0;
    }
    JsonData found = record.mappings().meta().get("version");
    return found == null ? 0 : found.to(Integer.class);
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

  /** The fields of the mapping without its version, to add to a generation of an older one. */
  private static InputStream fieldsOnly() throws IOException {
    ObjectNode mappings = (ObjectNode) definition().path("mappings").deepCopy();
    mappings.remove("_meta");
    return new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(mappings));
  }

  private static JsonNode definition() {
    try (InputStream mapping = mapping("search-index.json")) {
      return new ObjectMapper().readTree(mapping);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream mapping(String file) {
    InputStream mapping = SearchIndex.class.getResourceAsStream("/elasticsearch/" + file);
    if (mapping == null) {
      throw new IllegalStateException(file + " is missing from the classpath");
    }
    return mapping;
  }
}
