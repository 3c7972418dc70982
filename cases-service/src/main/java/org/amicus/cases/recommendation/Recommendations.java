package org.amicus.cases.recommendation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Recommendations
    extends JpaRepository<Recommendation, Long>, JpaSpecificationExecutor<Recommendation> {

  Optional<Recommendation> findByReportSymbolAndParagraph(String reportSymbol, String paragraph);
}
