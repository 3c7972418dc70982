package org.amicus.search.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param alias the name every reader and writer uses; generations are named after it
 * @param stateIndex where checkpoints and rebuild progress live
 * @param deadLetterIndex where changes that cannot be indexed wait for an admin
 */
@ConfigurationProperties("amicus.search.index")
public record SearchIndexProperties(
    @DefaultValue("amicus-search") String alias,
    @DefaultValue("amicus-search-state") String stateIndex,
    @DefaultValue("amicus-search-dead-letters") String deadLetterIndex) {}
