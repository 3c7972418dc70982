package org.amicus.cases.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Charges extends JpaRepository<Charge, Long> {
  List<Charge> findByCaseIdOrderByIdAsc(Long caseId);
}
