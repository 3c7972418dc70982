package org.amicus.search.ingest;

import java.io.IOException;
import org.amicus.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An index from before the names index has an empty one, marked incomplete, and the names call
 * refuses to answer from it. Only a rebuild can fill it (the feed after the checkpoint holds just
 * the recent changes), so one starts as soon as the service is up.
 */
@Component
class NamesBackfill {

  private static final Logger log = LoggerFactory.getLogger(NamesBackfill.class);

  private final Rebuild rebuild;
  private final SearchIndex index;
  private final IngestProperties properties;

  NamesBackfill(Rebuild rebuild, SearchIndex index, IngestProperties properties) {
    this.rebuild = rebuild;
    this.index = index;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void fillTheNamesIndex() {
    if (!properties.enabled()) {
      return;
    }
    try {
      if (!index.namesComplete()) {
        log.info("The names index is incomplete; starting a rebuild to fill it");
        rebuild.start();
      }
    } catch (IOException | RuntimeException e) {
      // Elasticsearch not reachable yet: an admin's rebuild fills the names index later
      log.warn("Could not check the names index ({})", e.getClass().getSimpleName());
    }
  }
}
