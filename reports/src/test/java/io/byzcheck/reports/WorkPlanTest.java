package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan of the real report (built, not run): its shards partition it, stably, balanced by expected cost. */
class WorkPlanTest {
  private static WorkPlan plan() {
    return WorkPlan.of(Budget.REPORT, null, 2, CatalogueSource.catalogue(), PaperReproductions.all());
  }

  @Test
  void everyKindOfWorkIsATaskWithAUniqueKey() {
    WorkPlan plan = plan();
    assertThat(plan.tasks().stream().map(WorkPlan.Task::kind).distinct()).containsExactly(WorkPlan.Kind.values());
    assertThat(plan.tasks().stream().map(WorkPlan.Task::key).distinct().count()).isEqualTo(plan.tasks().size());
    assertThat(plan.tasks()).allMatch(t -> t.cost() > 0);
    assertThat(plan().fingerprint()).isEqualTo(plan.fingerprint());
    assertThat(WorkPlan.of(Budget.REPORT.withSeed(1), null, 2, CatalogueSource.catalogue(), PaperReproductions.all())
        .fingerprint()).isNotEqualTo(plan.fingerprint());
  }

  @Test
  void shardsPartitionThePlanStablyAndWithinOneTaskOfEachOther() {
    WorkPlan plan = plan();
    double largest = plan.tasks().stream().mapToDouble(WorkPlan.Task::cost).max().orElseThrow();
    for (int k = 1; k <= 7; k++) {
      Set<String> seen = new HashSet<>();
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (int i = 0; i < k; i++) {
        List<WorkPlan.Task> slice = plan.shard(new Shard(i, k));
        assertThat(plan().shard(new Shard(i, k))).as("the same slice from a plan built again")
            .extracting(WorkPlan.Task::key).containsExactlyElementsOf(slice.stream().map(WorkPlan.Task::key).toList());
        for (WorkPlan.Task t : slice) {
          assertThat(seen.add(t.key())).as("task in two shards: " + t.key()).isTrue();
        }
        double load = slice.stream().mapToDouble(WorkPlan.Task::cost).sum();
        min = Math.min(min, load);
        max = Math.max(max, load);
      }
      assertThat(seen).hasSize(plan.tasks().size());
      // LPT: the last task placed on the fullest shard went to the emptiest one, so they differ by at most one task.
      assertThat(max - min).as("k = %d", k).isLessThanOrEqualTo(largest);
    }
  }

  @Test
  void severalOnlyPrefixesSelectTheUnionOfWhatEachSelects() {
    Set<String> both = new HashSet<>();
    for (String one : List.of("YIN-T2", "CAO-MNIST")) {
      WorkPlan.of(Budget.REPORT, one, 2, CatalogueSource.catalogue(), PaperReproductions.all()).tasks()
          .forEach(t -> both.add(t.label()));
    }
    assertThat(both).isNotEmpty();
    assertThat(WorkPlan.of(Budget.REPORT, "YIN-T2,CAO-MNIST", 2, CatalogueSource.catalogue(), PaperReproductions.all())
        .tasks()).extracting(WorkPlan.Task::label).containsExactlyInAnyOrderElementsOf(both);
  }
}
