package org.amicus.cases.person;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Consents extends JpaRepository<Consent, Long> {

  List<Consent> findByPersonIdOrderByIdAsc(Long personId);
}
