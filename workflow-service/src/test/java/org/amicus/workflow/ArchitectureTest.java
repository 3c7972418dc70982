package org.amicus.workflow;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.amicus.testkit.ArchitectureRules;

@AnalyzeClasses(
    packages = "org.amicus.workflow",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule packagedByFeature = ArchitectureRules.noLayerPackages();

  @ArchTest static final ArchRule noTestLibraries = ArchitectureRules.noTestLibraries();

  @ArchTest
  static final ArchRule webCodeStaysInItsFeature =
      ArchitectureRules.webPackagesUsedOnlyByTheirFeature("org.amicus.workflow");

  @ArchTest static final ArchRule noFieldInjection = ArchitectureRules.noFieldInjection();
}
