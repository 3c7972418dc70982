package org.amicus.cases.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDocuments extends JpaRepository<CaseDocument, Long> {

  List<CaseDocument> findByCaseIdOrderByIdAsc(Long caseId);
}
