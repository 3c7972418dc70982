package org.amicus.cases.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LegalArticles extends JpaRepository<LegalArticle, Long> {
  List<LegalArticle> findByCountryOrderByCodeAscNumberAsc(String country);

  Optional<LegalArticle> findByCountryAndCodeAndNumber(String country, String code, String number);
}
