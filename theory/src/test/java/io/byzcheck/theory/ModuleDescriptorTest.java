package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tests run inside the named module, so they see what its descriptor allows and nothing more. */
class ModuleDescriptorTest {

  @Test
  void theoryIsANamedModuleExportingEveryPackage() {
    Module module = TheoryCatalog.class.getModule();
    assertThat(module.isNamed()).as("tests run on the module path").isTrue();
    ModuleDescriptor d = module.getDescriptor();
    assertThat(d.name()).isEqualTo("io.byzcheck.theory");
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .isEqualTo(Set.of("io.byzcheck.theory", "io.byzcheck.theory.alistarh", "io.byzcheck.theory.caolai",
            "io.byzcheck.theory.extensions", "io.byzcheck.theory.resam", "io.byzcheck.theory.yin"))
        .isEqualTo(d.packages());
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("java.base", "commons.math3");
    // THEORY.md is read from inside the module.
    assertThat(TheoryCatalog.theoryIds()).containsKey("RES-T1-CWMED");
  }
}
