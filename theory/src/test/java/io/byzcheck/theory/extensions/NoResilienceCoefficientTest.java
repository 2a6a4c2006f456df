package io.byzcheck.theory.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.TheoryCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXT-…-NOLAMBDA: kind L rows of EXTENSIONS.md, the λ claimed on purpose, citations marked as own. */
class NoResilienceCoefficientTest {

  @Test
  void eachIsAKindLRowClaimedAtOneThousandOnPurpose() {
    List<Citation> all = List.of(NoResilienceCoefficient.DNC, NoResilienceCoefficient.SIGNGUARD,
        NoResilienceCoefficient.CLIPPED_CLUSTERING, NoResilienceCoefficient.FLTRUST);
    assertThat(all).extracting(Citation::id).containsExactly("EXT-DNC-NOLAMBDA", "EXT-SIGNGUARD-NOLAMBDA",
        "EXT-CLIPCLUST-NOLAMBDA", "EXT-FLTRUST-NOLAMBDA");
    for (Citation c : all) {
      assertThat(TheoryCatalog.extensionIds()).containsEntry(c.id(), 'L');
      assertThat(c.paper()).isEqualTo(BulyanResilience.OWN);
      Bound b = NoResilienceCoefficient.claimedOnPurpose(c);
      assertThat(b.value()).isEqualTo(1000.0);
      assertThat(b.citation()).isEqualTo(c);
      assertThat(b.assumptions()).singleElement().asString().contains("on purpose").contains(c.id());
    }
  }
}
