package org.amicus.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Arrays;

/**
 * The package rules every Amicus service follows (docs/architecture.md, "Modules"), written once.
 */
public final class ArchitectureRules {

  private ArchitectureRules() {}

  /** Package by feature: no global controller, service or repository packages. */
  public static ArchRule noLayerPackages() {
    return noClasses()
        .should()
        .resideInAnyPackage("..controller..", "..service..", "..repository..", "..controllers..")
        .because("services are packaged by feature, with web code in the feature's web package")
        .allowEmptyShould(true);
  }

  /** Constructor injection only. */
  public static ArchRule noFieldInjection() {
    return noFields()
        .should()
        .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
        .because("dependencies are constructor arguments")
        .allowEmptyShould(true);
  }

  /** Main code never needs a test library, so no runtime has to carry one. */
  public static ArchRule noTestLibraries() {
    String[] packages =
        Arrays.stream(TestLibrary.values())
            .map(library -> library.javaPackage() + "..")
            .toArray(String[]::new);
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .because("test libraries stay on test classpaths; the runtime ships without them")
        .allowEmptyShould(true);
  }

  /**
   * A feature's {@code web} package is its HTTP edge: no other feature reaches into it.
   *
   * @param root the service's root package, e.g. {@code org.amicus.cases}
   */
  public static ArchRule webPackagesUsedOnlyByTheirFeature(String root) {
    return ArchRuleDefinition.classes()
        .should(
            new ArchCondition<JavaClass>("not depend on another feature's web package") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                String own = feature(root, item.getPackageName());
                item.getDirectDependenciesFromSelf().stream()
                    .map(d -> d.getTargetClass())
                    .filter(target -> target.getPackageName().startsWith(root + "."))
                    .filter(target -> target.getPackageName().contains(".web"))
                    .filter(target -> !feature(root, target.getPackageName()).equals(own))
                    .forEach(
                        target ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    item,
                                    item.getName()
                                        + " uses "
                                        + target.getName()
                                        + " from another feature's web package")));
              }
            })
        .allowEmptyShould(true);
  }

  private static String feature(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return "";
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
