package dev.mwexp.tests;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two packages of mwexp depend on each other, directly or round a loop (Jib's style guide
 * forbids the same): each package is a slice, every module's main code is imported.
 */
class PackageCyclesTest {

  private static final JavaClasses MWEXP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.mwexp");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.mwexp.(**)").should().beFreeOfCycles().check(MWEXP);
  }
}
