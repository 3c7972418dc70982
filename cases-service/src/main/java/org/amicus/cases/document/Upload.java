package org.amicus.cases.document;

import org.springframework.core.io.InputStreamSource;

/**
 * One uploaded file and its description.
 *
 * @param declaredType the Content-Type the client gave the file part
 * @param size the size the client announced, checked before anything is read
 */
public record Upload(
    String fileName,
    String declaredType,
    long size,
    InputStreamSource content,
    DocumentKind kind,
    Sensitivity sensitivity,
    String description) {}
