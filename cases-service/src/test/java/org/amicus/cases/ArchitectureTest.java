package org.amicus.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.amicus.testkit.ArchitectureRules;
import org.springframework.data.repository.Repository;

@AnalyzeClasses(packages = "org.amicus.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String CASEFILE = "org.amicus.cases.casefile.";

  /**
   * The case aggregate: the case, its four kinds of part, the checks a part goes through and the
   * kinds' names. Everything else goes through {@code CaseFile}'s methods.
   */
  private static final DescribedPredicate<JavaClass> CASE_AGGREGATE =
      DescribedPredicate.describe(
          "the case aggregate",
          c ->
              c.isAssignableTo(CASEFILE + "CasePart")
                  || Set.of(CASEFILE + "CaseFile", CASEFILE + "PartKind", CASEFILE + "PartRules")
                      .contains(c.getName()));

  private static final DescribedPredicate<JavaClass> CASE_PART =
      DescribedPredicate.describe("a part of a case", c -> c.isAssignableTo(CASEFILE + "CasePart"));

  @ArchTest static final ArchRule packagedByFeature = ArchitectureRules.noLayerPackages();

  @ArchTest static final ArchRule noTestLibraries = ArchitectureRules.noTestLibraries();

  @ArchTest
  static final ArchRule webCodeStaysInItsFeature =
      ArchitectureRules.webPackagesUsedOnlyByTheirFeature("org.amicus.cases");

  @ArchTest static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();

  /** The service, views, CSV and search document read a case; only the aggregate changes it. */
  @ArchTest
  static final ArchRule onlyTheAggregateWritesACaseOrItsParts =
      noClasses()
          .that(DescribedPredicate.not(CASE_AGGREGATE))
          .should()
          .setFieldWhere(
              DescribedPredicate.describe(
                  "a field of the case or of one of its parts",
                  (JavaAccess<?> access) -> CASE_AGGREGATE.test(access.getTargetOwner())))
          .because("a case's invariants are methods of CaseFile, which alone changes it");

  /** Nobody creates, fills or attaches a part but its case. */
  @ArchTest
  static final ArchRule onlyTheCaseHandlesItsParts =
      noClasses()
          .that(DescribedPredicate.not(CASE_AGGREGATE))
          .should()
          .callCodeUnitWhere(
              DescribedPredicate.describe(
                  "a method or constructor of a part",
                  (JavaAccess<?> access) -> CASE_PART.test(access.getTargetOwner())))
          .because("parts are added, replaced and removed through CaseFile");

  /** Parts are saved with their case: there is no repository of parts to go around it. */
  @ArchTest
  static final ArchRule partsHaveNoRepositoryOfTheirOwn =
      classes()
          .that()
          .resideInAPackage("org.amicus.cases.casefile")
          .and()
          .areAssignableTo(Repository.class)
          .should()
          .haveNameMatching(".*\\.(CaseFiles|LegalArticles)")
          .because("a part is stored, changed and deleted only as part of its case");
}
