package org.amicus.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits at the gateway's edge.
 *
 * @param maxRequestSize the largest request body (document uploads are the largest)
 * @param trustedProxies the addresses (or CIDR ranges) of the TLS reverse proxy in front of the
 *     gateway: only a request from one of them may say, in X-Forwarded-* or Forwarded headers, whom
 *     it came from and over which scheme; anyone else's such headers are dropped. Empty: nobody is
 *     trusted
 */
@ConfigurationProperties("amicus.gateway.edge")
public record EdgeProperties(
    @DefaultValue("10MB") DataSize maxRequestSize, @DefaultValue List<String> trustedProxies) {}
