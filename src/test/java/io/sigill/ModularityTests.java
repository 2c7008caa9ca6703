package io.sigill;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages (identity, process, compliance, ...) may use each other's root package only;
 * sub-packages are internals. Also fails on dependency cycles between features.
 */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(SigillApplication.class);

  @Test
  void featurePackagesOnlyUseEachOthersPublicRoot() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
