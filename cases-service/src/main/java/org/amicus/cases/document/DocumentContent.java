package org.amicus.cases.document;

/** The bytes of a document, with what a download needs to describe them. */
public record DocumentContent(String fileName, String contentType, String sha256, byte[] bytes) {}
