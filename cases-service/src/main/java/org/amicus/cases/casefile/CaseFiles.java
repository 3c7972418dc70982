package org.amicus.cases.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseFiles extends JpaRepository<CaseFile, Long>, JpaSpecificationExecutor<CaseFile> {
  List<CaseFile> findByPersonIdsContains(Long personId);
}
