package org.amicus.local;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.amicus.testkit.ArchitectureRules;

/** The launcher and the runtime it starts the dependencies with are runtime code. */
@AnalyzeClasses(
    packages = {"org.amicus.local", "org.amicus.runtime"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule noTestLibraries = ArchitectureRules.noTestLibraries();
}
