package org.amicus.workflow.dispatch;

import java.time.Instant;
import java.util.UUID;

/** A rendered, addressed document of one approved revision, and whether it has left. */
public record Dispatch(
    UUID submissionId,
    int revision,
    String messageId,
    String recipient,
    String fileName,
    String mediaType,
    String sha256,
    byte[] document,
    boolean sent,
    Instant sentAt) {}
