package org.amicus.workflow.submission;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Submissions extends JpaRepository<Submission, UUID> {

  /**
   * What a member of {@code organisation} may open: their own organisation's submissions, those it
   * co-signs, and (for coordinators) everything that has been submitted for review.
   */
  @Query(
      value =
          """
          select * from submission s
           where s.lead_organisation = :organisation
              or s.co_signers @> cast(:coSigner as jsonb)
              or (:coordinator and s.status <> 'DRAFT')
           order by s.updated_at desc
           limit 500
          """,
      nativeQuery = true)
  List<Submission> visibleTo(String organisation, String coSigner, boolean coordinator);
}
