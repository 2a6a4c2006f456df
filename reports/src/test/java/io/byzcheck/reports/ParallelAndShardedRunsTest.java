package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.catalogue.Catalogue;
import io.byzcheck.properties.statistical.StatisticalBudget;
import io.byzcheck.properties.statistical.StatisticalCatalogue;
import io.byzcheck.properties.statistical.StatisticalEntry;
import io.byzcheck.properties.stats.ErrorBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole report — every catalogue entry and control, every paper reproduction, every statistical check — at a
 * tiny budget: report.json and index.html are the same, timings and thread counts aside, at 1, 2 and 4 threads,
 * and when run as 3 shards (on different thread counts) and merged.
 */
class ParallelAndShardedRunsTest {
  /** 20 evaluations × 1 restart per point. */
  static final List<String> TINY = List.of("--budget", "ci", "--evaluations", "20", "--restarts", "1", "--seed", "11");

  /** Two of the three reproductions (RESAM's momentum experiment costs 13 s even at one iteration), smaller. */
  static final List<PaperReproduction> REPRODUCTIONS = List.of(new YinTable2(2_000, 2), new CaoLaiSynthetic(2_000, 5));

  /**
   * Statistical checks of the subset: Yin's moments, ByzantineSGD's good set and Lemma 3.1 (whose checks share one
   * attack search and memoised trials per point, across tasks), the momentum drift, and RES-T1 on the Gram-based
   * rules.
   */
  static final List<String> STATISTICAL = List.of("YIN-P1", "ALI-GOOD", "ALI-L31", "RES-L1", "RES-T1 {rule=GM",
      "RES-T1 {rule=MDA");

  @TempDir
  static Path tmp;
  static Path reference;

  /** Catalogue IDs of the subset: every Table 1 rule (Gram-based Krum, GM, MDA among them), invariances, CAO-L1, CGE. */
  static final List<String> SUBSET = List.of("RES-T1-", "RES-P6", "INV-", "FAST-", "CAO-L1", "RES-C9");

  /**
   * The real catalogue restricted to {@link #SUBSET} (and every control), the statistical checks of
   * {@link #STATISTICAL} at 16 runs / 200 samples, and {@link #REPRODUCTIONS}: the same code as at the CI budget,
   * smaller, so that the six runs of this class take well under a minute.
   */
  static CatalogueSource source() {
    CatalogueSource all = CatalogueSource.catalogue();
    return new CatalogueSource() {
      @Override
      public List<Catalogue.Entry> entries(Budget budget) {
        return all.entries(budget).stream().filter(e -> SUBSET.stream().anyMatch(e.id()::startsWith)).toList();
      }

      @Override
      public List<Catalogue.Control> controls(Budget budget) {
        return all.controls(budget);
      }

      @Override
      public StatisticalBudget statisticalBudget(Budget budget) {
        return new StatisticalBudget("tiny", 200, 16, 2, 3, ErrorBudget.DEFAULT, 1, budget.seed());
      }

      @Override
      public List<StatisticalEntry> statistical(StatisticalBudget budget) {
        return StatisticalCatalogue.entries(budget).stream()
            .filter(e -> STATISTICAL.stream().anyMatch(e.name()::startsWith)).toList();
      }

      @Override
      public boolean hasStatistical() {
        return true;
      }
    };
  }

  static String run(Path dir, String... extra) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ReportMain main = new ReportMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), source(), REPRODUCTIONS, Clock.systemUTC(),
        System::nanoTime, false);
    List<String> args = new ArrayList<>();
    if (!(extra.length > 0 && extra[0].equals("merge"))) {
      args.addAll(List.of("--out", dir.toString()));
    }
    args.addAll(List.of(extra));
    int code = main.run(args.toArray(String[]::new));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(stderr).isZero();
    return stderr;
  }

  static String[] tiny(String... more) {
    List<String> a = new ArrayList<>(TINY);
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @BeforeAll
  static void referenceRunOnOneThread() {
    reference = tmp.resolve("threads-1");
    run(reference, tiny("--threads", "1"));
  }

  @Test
  void theReportIsTheSameAtOneTwoAndFourThreads() throws IOException {
    for (int threads : new int[] {2, 4}) {
      Path dir = tmp.resolve("threads-" + threads);
      run(dir, tiny("--threads", String.valueOf(threads)));
      assertSameReport(dir, reference);
    }
  }

  @Test
  void threeShardsMergeIntoTheUnshardedReport() throws IOException {
    Path parts = tmp.resolve("parts");
    int[] threads = {1, 2, 1};
    for (int i = 0; i < 3; i++) {
      run(parts, tiny("--shard", i + "/3", "--threads", String.valueOf(threads[i])));
    }
    try (var files = Files.list(parts)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("partial-0-of-3.json",
          "partial-1-of-3.json", "partial-2-of-3.json");
    }
    Path merged = tmp.resolve("merged");
    String stderr = run(merged, "merge", "--out", merged.toString(), parts.toString());
    assertThat(stderr).contains("merged 3 shards");
    assertSameReport(merged, reference);
  }

  /** Equal report.json (timings and thread counts removed) and index.html (run metadata and durations removed). */
  static void assertSameReport(Path dir, Path expected) throws IOException {
    assertThat(difference(comparable(dir), comparable(expected), "report.json")).isNull();
    assertThat(page(dir)).isEqualTo(page(expected));
  }

  static final Set<String> TIMINGS = Set.of("timings", "generatedAt", "elapsedMillis", "catalogueElapsedMillis",
      "threads");

  static Object comparable(Path dir) throws IOException {
    return strip(MiniJson.parse(Files.readString(dir.resolve("report.json"))));
  }

  @SuppressWarnings("unchecked")
  static Object strip(Object json) {
    if (json instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> {
        if (!TIMINGS.contains(k)) {
          out.put(k, strip(v));
        }
      });
      return out;
    }
    if (json instanceof List<?> l) {
      return l.stream().map(ParallelAndShardedRunsTest::strip).toList();
    }
    return json;
  }

  /** The path and values of the first difference, or null (assertj's message on a megabyte of JSON is unreadable). */
  static String difference(Object got, Object want, String path) {
    if (got instanceof Map<?, ?> a && want instanceof Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet())) {
        return path + ": keys " + a.keySet() + " vs " + b.keySet();
      }
      for (Object k : a.keySet()) {
        String d = difference(a.get(k), b.get(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (got instanceof List<?> a && want instanceof List<?> b) {
      if (a.size() != b.size()) {
        return path + ": " + a.size() + " vs " + b.size() + " elements";
      }
      for (int i = 0; i < a.size(); i++) {
        String d = difference(a.get(i), b.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return java.util.Objects.equals(got, want) ? null : path + ": " + got + " vs " + want;
  }

  static String page(Path dir) throws IOException {
    return Files.readString(dir.resolve("index.html")).replaceAll("(?s)<dl class=\"meta\">.*?</dl>", "")
        .replaceAll("\\d+ (ms|s|min \\d+ s|h \\d+ min)\\b", "(time)");
  }
}
