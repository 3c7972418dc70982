package org.amicus.workflow.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the demo profile loads its submissions.
 *
 * @param loadOnStart whether the demo loads once the service has started
 * @param waitAtMost how long to wait for cases-service's demo data and search-service's names
 *     index, which start beside this service
 * @param retryEvery how often to ask again meanwhile
 */
@ConfigurationProperties("amicus.demo")
record DemoProperties(
    @DefaultValue("true") boolean loadOnStart,
    @DefaultValue("PT10M") Duration waitAtMost,
    @DefaultValue("PT10S") Duration retryEvery) {}
