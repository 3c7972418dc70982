package org.amicus.cases.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnDecisions extends JpaRepository<UnDecision, Long> {
  List<UnDecision> findByCaseIdOrderByIdAsc(Long caseId);
}
