package io.byzcheck.kernels.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.kernels.AggregationRule;
import io.byzcheck.kernels.Awkward;
import io.byzcheck.kernels.ByzantineInputException;
import io.byzcheck.kernels.FiniteWorkers;
import io.byzcheck.kernels.WorkerVectors;
import io.byzcheck.kernels.reference.CoordinateWiseMedianReference;
import io.byzcheck.kernels.reference.Geometry;
import io.byzcheck.kernels.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seeded adversarial corpus of issue 11: every rule of {@link CorpusRule#all()} on every input of
 * {@link CorpusInput}, against its float64 reference. Per case it asserts:
 * <ul>
 *   <li>bad parameters (the documented constraint on the caller's n and f) give IllegalArgumentException;
 *       more non-finite rows than f give ByzantineInputException; nothing else is thrown;</li>
 *   <li>otherwise the output is finite (no NaN/±∞ from screened-finite input) and the input unchanged;</li>
 *   <li>COORDINATE rules: |got − ref| ≤ ulps·ulp(fl(ref)) + condition·2⁻²⁴·mean|xᵢₖ| per coordinate (the
 *       rule's documented accumulation error; the Mean's bound is 0.5 ulp plus (2n + 4)·2⁻⁵² of the mean
 *       magnitude: correctly rounded up to its double accumulation);</li>
 *   <li>DISTANCE rules: |got − ref| ≤ 10⁻⁶·S + 2 ulp(ref) per coordinate, S = maxᵢ‖xᵢ − x̄‖; a selection
 *       rule whose reference decision is a near tie (10⁻⁶) may pick the other side (counted as "ties");</li>
 *   <li>the geometric median (certified gap 10⁻⁶): Σ‖z − xᵢ‖ ≤ (1 + 10⁻⁶)·min(reference, data points,
 *       coordinate-wise median) + the float rounding of z; the weighted one the same on Σ wᵢ‖z − xᵢ‖ (capped
 *       weights; the weighted coordinate-wise median).</li>
 * </ul>
 * Size: {@code -Dbyzcheck.corpus=full} runs 100 000 inputs; the default (CI) runs 1000 per surefire execution, d ≤ 300
 * (default width, 128, 256, 512 bits and without the Vector API module: tag "vector-width"). A failure
 * prints the input's seed; {@code -Dbyzcheck.corpus.case=<seed>} replays that input alone. Results do not
 * depend on the run order: each input comes from its own seed.
 */
@Tag("vector-width")
class AdversarialCorpusTest {
  private static final boolean FULL = "full".equals(System.getProperty("byzcheck.corpus"));
  private static final int INPUTS = Integer.getInteger("byzcheck.corpus.inputs", FULL ? 100_000 : 1000);
  private static final int MAX_D = Integer.getInteger("byzcheck.corpus.maxd", FULL ? 100_003 : 300);
  /** Threads for the inputs (-Dbyzcheck.corpus.threads; 1 in CI, where the surefire executions already share the machine). */
  private static final int THREADS = Integer.getInteger("byzcheck.corpus.threads", 1);
  private static final Long REPLAY = Long.getLong("byzcheck.corpus.case");
  /** Inputs are seeds BASE + 0, 1, 2, …: the CI corpus is the first part of the full one. */
  private static final long BASE = Awkward.SEED * 1_000_003L;

  /** Per-rule tallies, printed as the table at the end. */
  static final class Tally {
    int cases;
    int ok;
    int documentedErrors;
    int ties;
    int crashes;
    int nanOutputs;
    int wrong;
    double worst; // ulps (COORDINATE), relative to S (DISTANCE), relative objective excess (OBJECTIVE)
    long worstSeed = -1;
    long nanos; // fast rule and reference together
    double used; // the largest fraction of its bound an accepted case used (≤ 1)

    /** Adds a later input's tally (the worst is kept from the earlier input on equal values). */
    void add(Tally o) {
      cases += o.cases;
      ok += o.ok;
      documentedErrors += o.documentedErrors;
      ties += o.ties;
      crashes += o.crashes;
      nanOutputs += o.nanOutputs;
      wrong += o.wrong;
      nanos += o.nanos;
      used = Math.max(used, o.used);
      if (o.worstSeed >= 0 && (worstSeed < 0 || o.worst > worst)) {
        worst = o.worst;
        worstSeed = o.worstSeed;
      }
    }
  }

  @Test
  void everyRuleAgreesWithItsReferenceOnTheCorpus() {
    // -Dbyzcheck.corpus.only=default|128|256|512|scalar: run on that path only (e.g. a long full run).
    String only = System.getProperty("byzcheck.corpus.only");
    org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equals(pathKey()), "corpus runs on " + only);
    List<CorpusRule> rules = selectedRules();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (CorpusRule r : rules) {
      tallies.put(r.name, new Tally());
    }
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    long first = REPLAY != null ? REPLAY : BASE;
    int count = REPLAY != null ? 1 : INPUTS;
    // Inputs in chunks, each chunk on THREADS threads, folded in input order: the table and the failure list
    // do not depend on the thread count.
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(THREADS);
    try {
      for (int start0 = 0; start0 < count; start0 += 1000) {
        int from = start0;
        int to = Math.min(count, from + 1000);
        List<InputResult> chunk = pool.submit(() -> java.util.stream.IntStream.range(from, to).parallel()
            .mapToObj(c -> runInput(rules, CorpusInput.of(first + c, MAX_D))).toList()).get();
        for (InputResult res : chunk) {
          res.tallies.forEach((name, t) -> tallies.get(name).add(t));
          failures.addAll(res.failures);
        }
        if (FULL) {
          // A long run leaves its table so far after every chunk (target/corpus/…-full.txt).
          writeReport(table(tallies, to, (System.nanoTime() - start) / 1e9), failures);
        }
      }
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String table = table(tallies, count, seconds);
    System.out.println(table);
    writeReport(table, failures);
    assertThat(failures).as("corpus failures (first 20 of %d):%n%s", failures.size(),
        String.join("\n", failures.subList(0, Math.min(20, failures.size())))).isEmpty();
  }

  /**
   * Negative controls: the corpus catches the defects of issue 11 when they are put back. A float32 mean
   * with a float32 1/n weight and no screen (the old kernel, minus its screen) must be flagged as wrong or
   * NaN; Krum* on float32 squared distances (overflowing on huge values, flushing subnormals) as wrong.
   */
  @Test
  void negativeControlsAreCaught() {
    CorpusRule floatMean = new CorpusRule("float32 mean", CorpusRule.Kind.COORDINATE, true) {
      @Override
      AggregationRule fast(CorpusInput in) {
        return new AggregationRule() {
          @Override
          public String name() {
            return "float32 mean";
          }

          @Override
          public void aggregate(WorkerVectors x, int f, float[] out) {
            if (out.length != x.d() || f < 0 || f >= x.n()) {
              throw new IllegalArgumentException("float32 mean (control) needs 0 ≤ f < n and out.length = d");
            }
            float inv = 1.0f / x.n();
            java.util.Arrays.fill(out, 0);
            for (int i = 0; i < x.n(); i++) {
              for (int k = 0; k < out.length; k++) {
                out[k] = Math.fma(x.get(i, k), inv, out[k]);
              }
            }
          }
        };
      }

      @Override
      double[] reference(CorpusInput in, double[][] finite, int fLeft) {
        return new io.byzcheck.kernels.reference.MeanReference().aggregateExact(finite, fLeft);
      }

      @Override
      double ulps() {
        return 0.5;
      }

      @Override
      double condition(int n) {
        return (2.0 * n + 4) * 0x1p-28;
      }
    };
    CorpusRule floatKrum = new CorpusRule("Krum* on float32 distances", CorpusRule.Kind.DISTANCE) {
      @Override
      AggregationRule fast(CorpusInput in) {
        return new AggregationRule() {
          @Override
          public String name() {
            return "Krum* on float32 distances";
          }

          @Override
          public void aggregate(WorkerVectors x, int f, float[] out) {
            FiniteWorkers s = FiniteWorkers.screen(x, f, out);
            WorkerVectors v = s.vectors();
            double[][] d2 = new double[v.n()][v.n()];
            for (int i = 0; i < v.n(); i++) {
              for (int j = 0; j < v.n(); j++) {
                float acc = 0;
                for (int k = 0; k < v.d(); k++) {
                  float e = v.get(i, k) - v.get(j, k);
                  acc += e * e;
                }
                d2[i][j] = acc;
              }
            }
            double[] scores = KrumScores.of(d2, v.n() - s.f() - 1);
            int best = KrumScores.best(scores, 1, KrumScores.byContents(v.liveRows()))[0];
            System.arraycopy(v.row(best), 0, out, 0, out.length);
          }
        };
      }

      @Override
      double[] reference(CorpusInput in, double[][] finite, int fLeft) {
        return io.byzcheck.kernels.reference.KrumReference.star().aggregateExact(finite, fLeft);
      }

      @Override
      boolean nearTie(CorpusInput in, double[][] x, int fLeft) {
        return krumTie(x, x.length - fLeft - 1, 1);
      }
    };
    for (CorpusRule control : List.of(floatMean, floatKrum)) {
      Tally t = new Tally();
      for (int c = 0; c < 300; c++) {
        run(control, CorpusInput.of(BASE + c, 300), t);
      }
      assertThat(t.wrong + t.nanOutputs + t.crashes).as("%s: flagged cases of %d", control.name, t.cases)
          .isPositive();
    }
  }

  private record InputResult(Map<String, Tally> tallies, List<String> failures) {}

  private static InputResult runInput(List<CorpusRule> rules, CorpusInput in) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (CorpusRule r : rules) {
      if (r.applies(in)) {
        Tally t = new Tally();
        long t0 = System.nanoTime();
        String failure = run(r, in, t);
        t.nanos += System.nanoTime() - t0;
        tallies.put(r.name, t);
        if (failure != null) {
          failures.add(failure);
        }
      }
    }
    return new InputResult(tallies, failures);
  }

  /** One rule on one input; returns a failure line, or null. */
  private static String run(CorpusRule r, CorpusInput in, Tally t) {
    t.cases++;
    WorkerVectors x = in.x();
    int n = x.n();
    int f = r.f(in);
    boolean valid = r.valid(in, f);
    WorkerVectors before = x.deepCopy();
    float[] got;
    try {
      AggregationRule rule = r.fast(in);
      got = rule.aggregate(x, f);
    } catch (ByzantineInputException e) {
      if (valid && in.nonFinite() > f) {
        t.documentedErrors++;
        return null;
      }
      t.crashes++;
      return line(r, in, f, "unexpected ByzantineInputException: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      if (!valid) {
        t.documentedErrors++;
        return null;
      }
      t.crashes++;
      return line(r, in, f, "unexpected IllegalArgumentException: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      t.crashes++;
      return line(r, in, f, "crash: " + e);
    }
    if (!x.sameContents(before)) {
      t.wrong++;
      return line(r, in, f, "modified its input");
    }
    if (!valid) {
      t.wrong++;
      return line(r, in, f, "accepted bad parameters");
    }
    if (in.nonFinite() > f) {
      t.wrong++;
      return line(r, in, f, "accepted " + in.nonFinite() + " non-finite rows with f = " + f);
    }
    for (float v : got) {
      if (!Float.isFinite(v)) {
        t.nanOutputs++;
        return line(r, in, f, "non-finite output " + v);
      }
    }
    FiniteWorkers s = FiniteWorkers.screen(x, f);
    double[][] finite = s.vectors().toDoubles();
    double[] want = r.reference(in, finite, s.f());
    String wrong = switch (r.kind) {
      case COORDINATE -> coordinate(r, in, finite, got, want, t);
      case DISTANCE -> distance(r, in, finite, s.f(), got, want, t);
      case OBJECTIVE -> objective(finite, r.objectiveWeights(in), got, want, t, in.seed());
    };
    if (wrong == null) {
      t.ok++;
      return null;
    }
    if (r.nearTie(in, finite, s.f())) {
      t.ties++;
      return null;
    }
    t.wrong++;
    return line(r, in, f, wrong);
  }

  private static String coordinate(CorpusRule r, CorpusInput in, double[][] x, float[] got, double[] want, Tally t) {
    int n = x.length;
    double worst = 0;
    for (int k = 0; k < got.length; k++) {
      float ref = (float) want[k];
      double ulp = Math.ulp(ref == 0 ? Float.MIN_VALUE : ref);
      double mag = 0;
      for (double[] row : x) {
        mag += Math.abs(row[k]);
      }
      mag /= n;
      double err = Math.abs(got[k] - want[k]) / ulp;
      double bound = r.ulps() + (r.condition(n) * 0x1p-24 * mag + r.subnormalUlps(n) * Float.MIN_VALUE) / ulp + 1e-9;
      if (err > bound) {
        return String.format("coordinate %d: got %s, reference %s: %.3g ulps > bound %.3g", k, got[k], want[k], err,
            bound);
      }
      t.used = Math.max(t.used, err / bound);
      worst = Math.max(worst, err);
    }
    note(t, worst, in.seed());
    return null;
  }

  private static String distance(CorpusRule r, CorpusInput in, double[][] x, int fLeft, float[] got, double[] want,
      Tally t) {
    double spread = spread(x);
    double worst = 0;
    double used = 0;
    for (int k = 0; k < got.length; k++) {
      double err = Math.abs(got[k] - want[k]);
      double tol = 1e-6 * spread + 2 * Math.ulp((float) want[k]);
      used = Math.max(used, err / tol);
      // Relative to S, or to the value itself when the rows (nearly) coincide.
      worst = Math.max(worst, err == 0 ? 0 : err / (spread + 0x1p-24 * Math.abs(want[k])));
      if (err > tol) {
        return String.format("coordinate %d: got %s, reference %s, spread %.3g", k, got[k], want[k], spread);
      }
    }
    note(t, worst, in.seed());
    t.used = Math.max(t.used, used);
    return null;
  }

  /** S = maxᵢ‖xᵢ − x̄‖ (0 when all rows coincide). */
  static double spread(double[][] x) {
    int d = x[0].length;
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        mean[k] += row[k] / x.length;
      }
    }
    double s = 0;
    for (double[] row : x) {
      s = Math.max(s, Math.sqrt(Geometry.squaredDistance(row, mean)));
    }
    return s;
  }

  /**
   * The objective Σ wᵢ‖z − xᵢ‖ at the output (w null: unit weights) against the best of the reference's, the data
   * points' of positive weight and the (weighted) coordinate-wise median's, within 10⁻⁶ relative plus the float
   * rounding of z (Σwᵢ times its norm).
   */
  private static String objective(double[][] x, double[] w, float[] got, double[] want, Tally t, long seed) {
    int d = got.length;
    double[] weights = w != null ? w : unitWeights(x.length);
    double total = 0;
    for (double v : weights) {
      total += v;
    }
    double[] z = new double[d];
    double rounding = 0;
    for (int k = 0; k < d; k++) {
      z[k] = got[k];
      rounding += Math.pow(Math.ulp(got[k]), 2);
    }
    rounding = total * Math.sqrt(rounding);
    double best = want != null ? Geometry.sumOfDistances(x, weights, want) : Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (weights[i] > 0) {
        best = Math.min(best, Geometry.sumOfDistances(x, weights, x[i]));
      }
    }
    double[] median = w != null ? io.byzcheck.kernels.reference.WeightedReference.median(x, w)
        : new CoordinateWiseMedianReference().aggregateExact(x, 0);
    best = Math.min(best, Geometry.sumOfDistances(x, weights, median));
    double g = Geometry.sumOfDistances(x, weights, z);
    double excess = best > 0 ? (g - best) / best : g == 0 ? 0 : Double.POSITIVE_INFINITY;
    if (g > best * (1 + 1e-6) + rounding) {
      return String.format("objective %.17g > (1 + 1e-6)·%.17g + rounding %.3g", g, best, rounding);
    }
    note(t, Math.max(0, excess), seed);
    t.used = Math.max(t.used, Math.max(0, g - best) / (best * 1e-6 + rounding));
    return null;
  }

  private static double[] unitWeights(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  private static void note(Tally t, double err, long seed) {
    if (err > t.worst || t.worstSeed < 0) {
      t.worst = Math.max(t.worst, err);
      t.worstSeed = seed;
    }
  }

  private static String line(CorpusRule r, CorpusInput in, int f, String what) {
    return String.format("%s on %s n=%d d=%d f=%d (non-finite rows %d): %s%n  replay: mvn -B test -pl kernels"
        + " -Dtest=AdversarialCorpusTest -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dsurefire.extraArgs=-Dbyzcheck.corpus.case=%d", r.name, in.family(), in.x().n(), in.x().d(), f,
        in.nonFinite(), what, in.seed());
  }

  private static String table(Map<String, Tally> tallies, int inputs, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("Adversarial corpus (issue 11): %d inputs from seed %d, %s (d ≤ %d), %s, %d thread(s),"
        + " %.1f s%n", inputs, REPLAY != null ? REPLAY : BASE, FULL ? "full" : "ci", MAX_D, path(), THREADS, seconds));
    sb.append(String.format("%-18s %-10s %8s %8s %8s %6s %7s %5s %6s %12s %s%n", "rule", "error in", "cases", "ok",
        "refused", "ties", "crashes", "NaN", "wrong", "worst", "(worst seed)     seconds  of bound"));
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      CorpusRule.Kind kind = CorpusRule.all().stream().filter(r -> r.name.equals(e.getKey())).findFirst()
          .orElseThrow().kind;
      String unit = switch (kind) {
        case COORDINATE -> "ulps";
        case DISTANCE -> "rel. to S";
        case OBJECTIVE -> "rel. obj.";
      };
      sb.append(String.format("%-18s %-10s %8d %8d %8d %6d %7d %5d %6d %12.4g (%d) %6.1f  %.3f%n", e.getKey(), unit, t.cases,
          t.ok, t.documentedErrors, t.ties, t.crashes, t.nanOutputs, t.wrong, t.worst, t.worstSeed, t.nanos / 1e9,
          t.used));
    }
    return sb.toString();
  }

  private static boolean scalarPath() {
    return Backend.describe().startsWith("scalar");
  }

  private static String pathKey() {
    if (scalarPath()) {
      return "scalar";
    }
    int bits = Integer.getInteger("byzcheck.vector.bits", 0);
    return bits > 0 ? String.valueOf(bits) : "default";
  }

  private static String path() {
    if (scalarPath()) {
      return "scalar path";
    }
    int bits = Integer.getInteger("byzcheck.vector.bits", 0);
    return bits > 0 ? bits + "-bit vectors" : "default vectors (" + Backend.describe() + ")";
  }

  /**
   * The rules of the run: all but {@link CorpusRule#pending}, or those named in -Dbyzcheck.corpus.rules
   * (comma-separated table names, e.g.
   * a full run of one rule after its fix). An unknown name is an error that lists the known ones.
   */
  private static List<CorpusRule> selectedRules() {
    List<CorpusRule> all = CorpusRule.all();
    String names = System.getProperty("byzcheck.corpus.rules");
    if (names == null || names.isBlank()) {
      return all.stream().filter(r -> !CorpusRule.pending().contains(r.name)).toList();
    }
    List<String> wanted = java.util.Arrays.stream(names.split(",")).map(String::trim).toList();
    List<String> known = all.stream().map(r -> r.name).toList();
    List<String> unknown = wanted.stream().filter(w -> !known.contains(w)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("byzcheck.corpus.rules: unknown " + unknown + "; known: " + known);
    }
    return all.stream().filter(r -> wanted.contains(r.name)).toList();
  }

  private static void writeReport(String table, List<String> failures) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "corpus");
      java.nio.file.Files.createDirectories(dir);
      String rules = System.getProperty("byzcheck.corpus.rules", "");
      String name = path().replaceAll("[^A-Za-z0-9]+", "-") + (FULL ? "-full" : "-ci")
          + (rules.isBlank() ? "" : "-" + rules.replaceAll("[^A-Za-z0-9]+", "_")) + ".txt";
      java.nio.file.Files.writeString(dir.resolve(name), table + String.join("\n", failures) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
