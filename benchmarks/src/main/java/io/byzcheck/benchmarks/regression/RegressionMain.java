package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.regression.JmhResults.Trial;
import io.byzcheck.benchmarks.regression.Profile.Invocation;
import io.byzcheck.benchmarks.regression.Verdicts.Outcome;
import io.byzcheck.benchmarks.regression.Verdicts.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performance regression tool: runs the regression profile ({@link Profile}) of the JMH suite,
 * takes every benchmark's per-fork ratio to the physical yardstick of the same run ({@link Ratios}),
 * and gives a verdict per benchmark against a committed baseline ({@link Verdicts}); or records that
 * baseline; or compares two builds, forks interleaved (A/B). Exit code 1 on a regression.
 */
public final class RegressionMain {
  static final String USAGE = """
      usage: RegressionMain [run|compare|ab REF] [options]
        run            run the regression profile, compare with the baseline (default mode)
        compare        compare existing JMH JSON files (--current a.json,b.json) with the baseline
        ab REF         build git REF in a temporary worktree and compare the working tree's build with it:
                       per benchmark and n one fork of each, alternating A B / B A over --rounds; paired
                       t on the fork times
      options:
        --baseline F   baseline JSON (default benchmarks/baseline/baseline.json)
        --record F     write a baseline from this run to F instead of comparing (--note TEXT goes in it)
        --out DIR      verdict.json, index.html, jmh.json, jmh.log (default benchmarks/target/regression)
        --jar J        benchmarks jar of the working tree (default benchmarks/target/benchmarks.jar)
        --only A,B     only these benchmark classes (e.g. CoordinateWiseMedian,Mean); --n 15,64 only these n
        --control      run the deliberately slowed median in place of CoordinateWiseMedianBenchmark
                       (negative control: must come out REGRESSED)
        --forks N --warmup N --iterations N   per benchmark (default 3 forks, 6 + 3 one-second iterations)
        --rounds N     A/B rounds, one fork per build each (default 3)
        --alpha A      family-wise level of the Holm-corrected Welch tests (default 0.05)
        --min-effect D minimum effect that counts as a change (default 0.10, i.e. 10 %)
        --ignore-lock  run even while another JMH run holds /tmp/jmh.lock (default: wait, --lock-wait S)
      exit: 0 no regression, 1 a benchmark REGRESSED, 2 bad input or a failed run, 3 a baseline benchmark missing
      """;

  private RegressionMain() {}

  public static void main(String[] args) {
    System.exit(run(System.out, args));
  }

  static int run(PrintStream out, String... args) {
    try {
      Options o = Options.parse(args);
      if (o.help) {
        out.print(USAGE);
        return 0;
      }
      return switch (o.mode) {
        case "compare" -> compare(o, out);
        case "ab" -> new AbRun(o, out).run();
        default -> runProfile(o, out);
      };
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      out.println("error: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("interrupted");
      return 2;
    }
  }

  private static int runProfile(Options o, PrintStream out) throws IOException, InterruptedException {
    Files.createDirectories(o.out);
    Map<String, Object> context = context(o);
    long start = System.nanoTime();
    JmhLauncher jmh = new JmhLauncher(o.ignoreLock, o.lockWaitSeconds, o.out.resolve("jmh.log"), out);
    List<Trial> trials = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Invocation> invocations = o.profile().invocations();
    for (int i = 0; i < invocations.size(); i++) {
      Path json = o.out.resolve("jmh-" + (i + 1) + ".json");
      out.println("JMH " + (i + 1) + "/" + invocations.size() + ": " + invocations.get(i).include() + " "
          + invocations.get(i).params());
      trials.addAll(jmh.run(o.jar, invocations.get(i), o.settings(o.forks), o.forks, json));
      files.add(json);
    }
    joinJson(files, o.out.resolve("jmh.json"));
    context.put("loadAverageEnd", Machine.loadAverage());
    context.put("minutes", Math.round((System.nanoTime() - start) / 6e9) / 10.0);
    out.println("JMH's JSON: " + o.out.resolve("jmh.json") + "; took " + context.get("minutes") + " min");
    return conclude(o, Ratios.of(trials, List.of()), context, out);
  }

  private static int compare(Options o, PrintStream out) throws IOException {
    List<Trial> trials = new ArrayList<>();
    for (Path p : o.current) {
      trials.addAll(JmhResults.read(p));
    }
    Map<String, Object> context = context(o);
    context.put("current", o.current.toString());
    // The load now says nothing about when those files were measured.
    context.put("loadAverageStart", "unknown (measured before, in " + o.current + ")");
    return conclude(o, Ratios.of(trials, List.of()), context, out);
  }

  static Map<String, Object> context(Options o) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("mode", o.mode + (o.control ? " (negative control: slowed median)" : ""));
    c.put("date", Instant.now().toString());
    c.put("machine", Machine.here().toString());
    c.put("settings", o.settings(o.forks).toJson().toString());
    c.put("loadAverageStart", Machine.loadAverage());
    return c;
  }

  /** Records the baseline, or compares with it: prints the table, writes the files, returns the exit code. */
  static int conclude(Options o, Map<String, Sample> samples, Map<String, Object> context, PrintStream out)
      throws IOException {
    if (o.record != null) {
      Map<String, Object> settings = o.settings(o.forks).toJson();
      settings.put("loadAverageStart", context.get("loadAverageStart"));
      settings.put("loadAverageEnd", context.getOrDefault("loadAverageEnd", "unknown"));
      settings.put("minutes", context.getOrDefault("minutes", "unknown"));
      new Baseline(Instant.now().toString(), Machine.here(), settings, o.note, samples).write(o.record);
      out.print(Report.ratioTable(samples));
      out.println("baseline written to " + o.record);
      return 0;
    }
    Baseline base = Baseline.read(o.baseline);
    context.put("baseline", o.baseline + " (recorded " + base.recorded() + " on " + base.machine() + "; "
        + base.note() + ")");
    String differs = Machine.here().differences(base.machine());
    if (!differs.isEmpty()) {
      out.println("warning: the baseline was recorded on another machine kind (" + differs
          + "): ratios may differ for that reason alone; record one here with --record");
      context.put("warning", "baseline from another machine kind: " + differs);
    }
    return decide(o, base.samples(), samples, context, out, false);
  }

  /** Verdicts of {@code current} against {@code baseline}, printed and written; the exit code. */
  static int decide(Options o, Map<String, Sample> baseline, Map<String, Sample> current, Map<String, Object> context,
      PrintStream out, boolean paired) throws IOException {
    Profile profile = o.profile();
    List<Outcome> outcomes = Verdicts.compare(baseline, current, o.rule(),
        key -> baseline.containsKey(key) && profile.measures(baseline.get(key)), paired);
    out.println();
    out.println("Rule: " + o.rule().describe() + (paired ? "; A/B: on fork times, paired t by round" : "") + ".");
    out.print(Report.table(outcomes, current, paired ? "ms" : "/yardstick"));
    Map<Verdict, Integer> counts = Report.counts(outcomes);
    out.println(counts);
    Files.createDirectories(o.out);
    Report.writeJson(o.out.resolve("verdict.json"), outcomes, current, o.rule(), context);
    Report.writeHtml(o.out.resolve("index.html"), outcomes, current, o.rule(), context);
    out.println("verdicts: " + o.out.resolve("verdict.json") + ", page: " + o.out.resolve("index.html"));
    if (counts.get(Verdict.REGRESSED) > 0) {
      out.println("REGRESSION: " + counts.get(Verdict.REGRESSED) + " benchmark(s) slower than the baseline");
      return 1;
    }
    if (counts.get(Verdict.MISSING) > 0) {
      out.println("MISSING: " + counts.get(Verdict.MISSING) + " baseline benchmark(s) not measured");
      return 3;
    }
    return 0;
  }

  /** JMH's JSON files of one run joined into one array, as JMH would have written it in one invocation. */
  static void joinJson(List<Path> files, Path to) throws IOException {
    List<String> parts = new ArrayList<>();
    for (Path f : files) {
      if (Files.exists(f)) {
        String t = Files.readString(f).strip();
        if (t.length() > 2) {
          parts.add(t.substring(1, t.length() - 1).strip());
        }
      }
    }
    Files.writeString(to, "[\n" + String.join(",\n", parts) + "\n]\n");
  }
}
