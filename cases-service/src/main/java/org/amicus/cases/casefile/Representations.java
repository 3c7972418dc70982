package org.amicus.cases.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Representations extends JpaRepository<Representation, Long> {
  List<Representation> findByCaseIdOrderByIdAsc(Long caseId);
}
