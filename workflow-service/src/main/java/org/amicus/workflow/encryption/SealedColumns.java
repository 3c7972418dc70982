package org.amicus.workflow.encryption;

import org.amicus.platform.encryption.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every column of workflow-service holding sealed values (what people wrote, and what was sent),
 * with the purpose each value is sealed for; key rotation re-seals exactly these, and the change
 * feed's documents, which the platform adds.
 */
@Configuration(proxyBeanMethods = false)
public class SealedColumns {

  /** The current content of a submission: title, sections, co-signers' descriptions, proposals. */
  public static final SealedColumn SUBMISSION_CONTENT =
      SealedColumn.of("submission", "content", "id");

  public static final SealedColumn REVISION_CONTENT =
      SealedColumn.of("submission_revision", "content", "submission_id", "revision");

  public static final SealedColumn COMMENT_BODY =
      SealedColumn.of("submission_comment", "body", "id");

  /** The journal's free text: acknowledgement references, what was overdue, deadline moves. */
  public static final SealedColumn EVENT_DETAIL =
      SealedColumn.of("submission_event", "detail", "id");

  /** The rendered document as it was sent. */
  public static final SealedColumn DISPATCH_DOCUMENT =
      SealedColumn.of("dispatch", "document", "submission_id", "revision");

  /** The title of an approved rendering, as it goes out (the email's subject). */
  public static final SealedColumn RENDERING_TITLE =
      SealedColumn.of("submission_rendering", "title", "submission_id", "revision", "sha256");

  /** The approved document, byte for byte what is sent. */
  public static final SealedColumn RENDERING_DOCUMENT =
      SealedColumn.of("submission_rendering", "document", "submission_id", "revision", "sha256");

  @Bean
  SealedColumn submissionContent() {
    return SUBMISSION_CONTENT;
  }

  @Bean
  SealedColumn revisionContent() {
    return REVISION_CONTENT;
  }

  @Bean
  SealedColumn commentBody() {
    return COMMENT_BODY;
  }

  @Bean
  SealedColumn eventDetail() {
    return EVENT_DETAIL;
  }

  @Bean
  SealedColumn dispatchDocument() {
    return DISPATCH_DOCUMENT;
  }

  @Bean
  SealedColumn renderingTitle() {
    return RENDERING_TITLE;
  }

  @Bean
  SealedColumn renderingDocument() {
    return RENDERING_DOCUMENT;
  }
}
