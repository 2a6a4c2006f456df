package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.regression.JmhResults.Trial;
import io.byzcheck.benchmarks.regression.Profile.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A/B: the working tree's build (A, "now") against a git ref (B, the baseline), built in a temporary
 * worktree, measured in one run with one fork of each build at a time: for every benchmark and n, a
 * fork of A and then one of B (B then A in the next round), so that the two forks compared run seconds
 * apart and whatever the shared machine does falls on both alike. The verdict compares the times
 * themselves, paired by round (paired t on the log differences; see {@link Verdicts}), at the level,
 * correction and thresholds of the baseline mode; no yardstick is needed, since both builds saw the
 * same machine at the same moment.
 */
final class AbRun {
  private final Options o;
  private final PrintStream out;

  AbRun(Options o, PrintStream out) {
    this.o = o;
    this.out = out;
  }

  int run() throws IOException, InterruptedException {
    if (o.rounds < 2) {
      throw new IllegalArgumentException("A/B needs --rounds ≥ 2 (one fork per build per round)");
    }
    Files.createDirectories(o.out);
    Path tmp = Files.createTempDirectory("byzcheck-ab-");
    Path tree = tmp.resolve("ref");
    // A run stopped with Ctrl-C (SIGTERM) skips the finally below; the worktree must not outlive it.
    Thread cleanup = new Thread(() -> removeQuietly(tree));
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      Path current = tmp.resolve("current.jar");
      Files.copy(o.jar, current, StandardCopyOption.REPLACE_EXISTING);
      exec(List.of("git", "worktree", "add", "--detach", tree.toString(), o.ref), Path.of("."));
      out.println("building " + o.ref + " in " + tree);
      exec(List.of("mvn", "-B", "-q", "-DskipTests", "package", "-pl", "benchmarks", "-am"), tree);
      Path ref = tmp.resolve("ref.jar");
      Files.copy(tree.resolve("benchmarks/target/benchmarks.jar"), ref);
      return measure(current, ref);
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      exec(List.of("git", "worktree", "remove", "--force", tree.toString()), Path.of("."));
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private int measure(Path current, Path ref) throws IOException, InterruptedException {
    Map<String, Object> context = RegressionMain.context(o);
    context.put("ab", "working tree vs " + o.ref + ", " + o.rounds + " rounds of one fork per build, alternating");
    long start = System.nanoTime();
    JmhLauncher jmh = new JmhLauncher(o.ignoreLock, o.lockWaitSeconds, o.out.resolve("jmh.log"), out);
    List<Invocation> mine = o.profile().singles();
    List<Invocation> theirs = new Profile(o.only, o.ns, false).singles();
    List<Trial> a = new ArrayList<>();
    List<Trial> b = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int r = 0; r < o.rounds; r++) {
      for (int i = 0; i < mine.size(); i++) {
        // A B, then B A in the next round: neither build always runs first.
        for (int side = 0; side < 2; side++) {
          boolean isCurrent = (side == 0) == (r % 2 == 0);
          Invocation inv = isCurrent ? mine.get(i) : theirs.get(i);
          Path json = o.out.resolve("jmh-r" + (r + 1) + "-" + (i + 1) + (isCurrent ? "-now" : "-ref") + ".json");
          out.println("round " + (r + 1) + "/" + o.rounds + ", " + (isCurrent ? "working tree" : o.ref) + ": "
              + inv.include() + " " + inv.params());
          (isCurrent ? a : b).addAll(jmh.run(isCurrent ? current : ref, inv, o.settings(1), 1, json));
          if (isCurrent) {
            files.add(json);
          }
        }
      }
    }
    RegressionMain.joinJson(files, o.out.resolve("jmh.json"));
    context.put("loadAverageEnd", Machine.loadAverage());
    context.put("minutes", Math.round((System.nanoTime() - start) / 6e9) / 10.0);
    context.put("measure", "fork times in ms, paired by round (no yardstick in A/B)");
    return RegressionMain.decide(o, Ratios.times(b), Ratios.times(a), context, out, true);
  }

  private static void removeQuietly(Path tree) {
    try {
      new ProcessBuilder("git", "worktree", "remove", "--force", tree.toString()).inheritIO().start().waitFor();
    } catch (IOException | InterruptedException e) {
      // best effort while the JVM exits; `git worktree prune` clears what is left
    }
  }

  private void exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed in " + dir.toAbsolutePath());
    }
  }
}
