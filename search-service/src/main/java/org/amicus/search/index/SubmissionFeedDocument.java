package org.amicus.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How search-service reads a submission from workflow-service's feed: the fields of the contract
 * {@code submission-search-document.v1} (a copy of workflow-service's schema is in this module's
 * test resources) that the index needs. {@code coSigners} are organisation ids.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SubmissionFeedDocument(
    String title, String status, List<String> coSigners, List<String> headings, String text) {}
