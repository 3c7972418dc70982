package org.amicus.cases.audit;

import java.time.Instant;

/**
 * One row of the audit trail: who did what to which record, when and from where.
 *
 * @param prevHash the hash of the row before (64 zeros for the first)
 * @param hash SHA-256 over {@code prevHash} and this row's canonical content
 */
public record AuditEntry(
    long seq,
    Instant at,
    String subject,
    String username,
    String organisation,
    String action,
    String recordType,
    String recordId,
    String clientIp,
    String prevHash,
    String hash) {}
