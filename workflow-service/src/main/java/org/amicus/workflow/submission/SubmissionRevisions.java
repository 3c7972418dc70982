package org.amicus.workflow.submission;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRevisions extends JpaRepository<SubmissionRevision, SubmissionRevision.Key> {

  @Query("select r from SubmissionRevision r where r.key.submissionId = ?1 order by r.key.revision")
  List<SubmissionRevision> of(UUID submissionId);

  @Query("select distinct r.savedBy from SubmissionRevision r where r.key.submissionId = ?1")
  List<String> savers(UUID submissionId);

  @Query("select r from SubmissionRevision r where r.key.submissionId = ?1 and r.key.revision = ?2")
  Optional<SubmissionRevision> find(UUID submissionId, int revision);
}
