package io.byzcheck.benchmarks.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The regression tool's command line (see {@link RegressionMain#USAGE}). */
final class Options {
  String mode = "run";
  String ref;
  Path baseline = Path.of("benchmarks", "baseline", "baseline.json");
  Path record;
  String note = "";
  Path out = Path.of("benchmarks", "target", "regression");
  Path jar = Path.of("benchmarks", "target", "benchmarks.jar");
  List<Path> current = new ArrayList<>();
  Set<String> only = new LinkedHashSet<>();
  List<Integer> ns = Profile.NS;
  boolean control;
  boolean ignoreLock;
  long lockWaitSeconds = 1800;
  int forks = Profile.Settings.DEFAULT.forks();
  int warmup = Profile.Settings.DEFAULT.warmupIterations();
  int iterations = Profile.Settings.DEFAULT.measurementIterations();
  int rounds = 3;
  double alpha = Verdicts.Rule.DEFAULT.alpha();
  double minEffect = Verdicts.Rule.DEFAULT.minEffect();
  boolean help;

  static Options parse(String... args) {
    Options o = new Options();
    int i = 0;
    if (args.length > 0 && !args[0].startsWith("--")) {
      o.mode = args[i++];
      if (!List.of("run", "compare", "ab").contains(o.mode)) {
        throw new IllegalArgumentException("unknown mode '" + o.mode + "': run, compare or ab");
      }
      if (o.mode.equals("ab")) {
        if (i >= args.length || args[i].startsWith("--")) {
          throw new IllegalArgumentException("ab needs a git ref to compare the working tree with, e.g. `ab main`");
        }
        o.ref = args[i++];
      }
    }
    for (; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> o.help = true;
        case "--control" -> o.control = true;
        case "--ignore-lock" -> o.ignoreLock = true;
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value (or is unknown; --help lists the options)");
          }
          String v = args[++i];
          switch (a) {
            case "--baseline" -> o.baseline = Path.of(v);
            case "--record" -> o.record = Path.of(v);
            case "--note" -> o.note = v;
            case "--out" -> o.out = Path.of(v);
            case "--jar" -> o.jar = Path.of(v);
            case "--current" -> List.of(v.split(",")).forEach(f -> o.current.add(Path.of(f.trim())));
            case "--only" -> List.of(v.split(",")).forEach(f -> o.only.add(f.trim()));
            case "--n" -> o.ns = List.of(v.split(",")).stream().map(s -> positive(a, s.trim())).toList();
            case "--forks" -> o.forks = positive(a, v);
            case "--warmup" -> o.warmup = positive(a, v);
            case "--iterations" -> o.iterations = positive(a, v);
            case "--rounds" -> o.rounds = positive(a, v);
            case "--lock-wait" -> o.lockWaitSeconds = positive(a, v);
            case "--alpha" -> o.alpha = Double.parseDouble(v);
            case "--min-effect" -> o.minEffect = Double.parseDouble(v);
            default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
          }
        }
      }
    }
    if (o.mode.equals("compare") && o.current.isEmpty() && !o.help) {
      throw new IllegalArgumentException("compare needs --current with JMH JSON files of one run");
    }
    return o;
  }

  private static int positive(String option, String v) {
    try {
      int x = Integer.parseInt(v);
      if (x >= 1) {
        return x;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive integer, got '" + v + "'");
  }

  Profile profile() {
    return new Profile(only, ns, control);
  }

  Profile.Settings settings(int forksPerInvocation) {
    return new Profile.Settings(forksPerInvocation, warmup, iterations);
  }

  Verdicts.Rule rule() {
    return new Verdicts.Rule(alpha, minEffect);
  }
}
