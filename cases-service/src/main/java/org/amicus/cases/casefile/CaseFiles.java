package org.amicus.cases.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseFiles extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {

  List<CaseFile> findByPersonIdsContains(Long personId);

  /**
   * A case with its charges and their articles in one query, for a whole view. The other part
   * collections load with one query each when the view reads them: fetching more than one
   * collection in one query would multiply their rows. Written out in JPQL rather than derived with
   * an entity graph: Hibernate caches a JPQL query's SQL, while a derived query with a graph is
   * built and translated again on every call (most of the 19 % of a case read's CPU that loading
   * the case took in the profile).
   */
  @Query(
      "select c from CaseFile c left join fetch c.charges ch left join fetch ch.article"
          + " where c.id = :id")
  Optional<CaseFile> findWithChargesById(@Param("id") Long id);
}
