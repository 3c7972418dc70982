package org.amicus.workflow.submission;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionComments extends JpaRepository<SubmissionComment, UUID> {

  List<SubmissionComment> findBySubmissionIdOrderByCreatedAt(UUID submissionId);
}
