package org.amicus.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits at the gateway's edge.
 *
 * @param maxRequestSize the largest request body (document uploads are the largest)
 */
@ConfigurationProperties("amicus.gateway.edge")
public record EdgeProperties(@DefaultValue("10MB") DataSize maxRequestSize) {}
