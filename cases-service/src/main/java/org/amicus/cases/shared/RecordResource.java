package org.amicus.cases.shared;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.platform.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The operations every record offers the same way at its path, written once: the filtered, paged
 * list, create (201 with its location and ETag), read one (with its ETag), replace and delete (both
 * If-Match). A subclass is the record's controller and adds what is its own. The API reference
 * words each operation for its record: {@code openapi-summaries.properties} holds the summaries by
 * {@code <name>.<method>} ({@link OperationSummaries}).
 *
 * @param <Q> the request that states a record
 * @param <V> the record as one reader sees it
 * @param <F> the filters of the list, bound from the query parameters of the same names
 * @param <S> a record as a line of the list
 */
public abstract class RecordResource<Q, V extends Versioned, F, S> implements OperationSummaries {

  private static final Properties SUMMARIES = summaries();

  private final String path;
  private final String name;
  private final Records<Q, V, F, S> records;
  private final Map<String, String> sortable;

  /**
   * @param path where the records live, e.g. {@code /api/cases}; a new one's location is below it
   * @param name what the records are called in the summaries and file names, e.g. {@code cases}
   * @param sortable the list's sort names mapped to entity properties
   */
  protected RecordResource(
      String path, String name, Records<Q, V, F, S> records, Map<String, String> sortable) {
    this.path = path;
    this.name = name;
    this.records = records;
    this.sortable = Map.copyOf(sortable);
  }

  @Override
  public String summary(String method, String declared) {
    return SUMMARIES.getProperty(name + "." + method, declared);
  }

  protected String name() {
    return name;
  }

  /** The order a {@code sort} parameter asks for, or 400 ({@link Paging}). */
  protected Sort sortOf(String sort) {
    return Paging.of(null, null, sort, sortable, "id").getSort();
  }

  @Operation(summary = "The records the caller may see, filtered and paged")
  @GetMapping
  public PageOf<S> list(
      Caller caller, @ParameterObject F filter, @ParameterObject PageParams page) {
    return records.list(caller, filter, page.pageable(sortable, "id"));
  }

  @Operation(summary = "Create a record")
  @PostMapping
  public ResponseEntity<V> create(Caller caller, @Valid @RequestBody Q request) {
    V created = records.create(caller, request);
    return ResponseEntity.created(URI.create(path + "/" + created.id()))
        .eTag(Etag.of(created.version()))
        .body(created);
  }

  @Operation(summary = "One record, and its ETag")
  @GetMapping("/{id}")
  public ResponseEntity<V> get(Caller caller, @PathVariable long id) {
    return withEtag(records.get(caller, id));
  }

  @Operation(summary = "Replace the record (If-Match)")
  @PutMapping("/{id}")
  public ResponseEntity<V> update(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody Q request) {
    return withEtag(records.update(caller, id, ifMatch, request));
  }

  @Operation(summary = "Delete the record (If-Match)")
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    records.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  private static Properties summaries() {
    InputStream in = RecordResource.class.getResourceAsStream("/openapi-summaries.properties");
    if (in == null) {
      throw new IllegalStateException("openapi-summaries.properties is missing");
    }
    Properties summaries = new Properties();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      summaries.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return summaries;
  }

  /** A record read or changed, with its version as the ETag a later change must send back. */
  public static <V extends Versioned> ResponseEntity<V> withEtag(V view) {
    return ResponseEntity.ok().eTag(Etag.of(view.version())).body(view);
  }
}
