package org.amicus.cases.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEvents extends JpaRepository<CaseEvent, Long> {
  List<CaseEvent> findByCaseId(Long caseId);
}
