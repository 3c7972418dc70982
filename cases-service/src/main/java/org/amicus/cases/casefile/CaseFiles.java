package org.amicus.cases.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseFiles extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {

  List<CaseFile> findByPersonIdsContains(Long personId);

  /**
   * A case with its charges and their articles in one query, for a whole view. The other part
   * collections load with one query each when the view reads them: fetching more than one
   * collection in one query would multiply their rows.
   */
  @EntityGraph(attributePaths = {"charges", "charges.article"})
  Optional<CaseFile> findWithChargesById(Long id);
}
