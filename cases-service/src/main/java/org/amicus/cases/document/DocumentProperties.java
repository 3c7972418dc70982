package org.amicus.cases.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest document accepted; the servlet's multipart limit follows it, and the
 *     gateway's request limit must be at least as large
 */
@ConfigurationProperties("amicus.documents")
public record DocumentProperties(@DefaultValue("10MB") DataSize maxSize) {}
