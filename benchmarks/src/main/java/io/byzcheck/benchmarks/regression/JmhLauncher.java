package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.regression.JmhResults.Trial;
import io.byzcheck.benchmarks.regression.Profile.Invocation;
import io.byzcheck.benchmarks.regression.Profile.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmarks jar as its own JMH process under this JVM's java (JDK 25 when started by Maven's
 * toolchain), JSON results to a file, JMH's log appended to {@code log} with its progress lines
 * echoed. JMH allows one run per machine (/tmp/jmh.lock): a held lock is waited for, up to
 * {@code lockWaitSeconds}, unless {@code ignoreLock} (then runs overlap and both are noisier).
 */
final class JmhLauncher {
  private static final String LOCKED = "Unable to acquire the JMH lock";
  private static final String NOTHING = "No matching benchmarks";

  private final boolean ignoreLock;
  private final long lockWaitSeconds;
  private final Path log;
  private final PrintStream console;

  JmhLauncher(boolean ignoreLock, long lockWaitSeconds, Path log, PrintStream console) {
    this.ignoreLock = ignoreLock;
    this.lockWaitSeconds = lockWaitSeconds;
    this.log = log;
    this.console = console;
  }

  /** JMH's results for one invocation; empty when the jar has no benchmark matching it (an older A/B ref). */
  List<Trial> run(Path jar, Invocation inv, Settings s, int forks, Path json) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (ignoreLock) {
      cmd.add("-Djmh.ignoreLock=true");
    }
    cmd.addAll(List.of("-jar", jar.toString(), inv.include()));
    for (String p : inv.params()) {
      cmd.addAll(List.of("-p", p));
    }
    cmd.addAll(List.of("-f", String.valueOf(forks), "-wi", String.valueOf(s.warmupIterations()), "-w", "1s",
        "-i", String.valueOf(s.measurementIterations()), "-r", "1s", "-foe", "true", "-rf", "json",
        "-rff", json.toString()));
    long deadline = System.nanoTime() + lockWaitSeconds * 1_000_000_000L;
    while (true) {
      Files.deleteIfExists(json);
      String seen = launch(cmd);
      if (seen.equals(LOCKED) && System.nanoTime() < deadline) {
        console.println("  another JMH run holds /tmp/jmh.lock; waiting (up to " + lockWaitSeconds + " s in all, "
            + "or pass --ignore-lock)");
        Thread.sleep(20_000);
        continue;
      }
      if (seen.equals(NOTHING)) {
        console.println("  " + jar + " has no benchmark matching " + inv.include() + "; skipped");
        return List.of();
      }
      if (!seen.isEmpty()) {
        throw new IOException("JMH failed (" + seen + ") for " + inv.include() + "; its log is " + log);
      }
      return JmhResults.read(json);
    }
  }

  /** Runs the command; "" on success, else what went wrong. */
  private String launch(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String problem = "";
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer w = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write("$ " + String.join(" ", cmd) + "\n");
      for (String line; (line = r.readLine()) != null; ) {
        w.write(line + "\n");
        if (line.contains(LOCKED)) {
          problem = LOCKED;
        } else if (line.contains(NOTHING)) {
          problem = NOTHING;
        } else if (line.startsWith("# Benchmark:") || line.startsWith("# Parameters:") || line.startsWith("# Run progress")) {
          console.println("  " + line);
        } else if (line.startsWith("<failure>") || line.contains("Exception")) {
          console.println("  " + line);
        }
      }
    }
    int code = p.waitFor();
    if (code != 0 && problem.isEmpty()) {
      problem = "exit code " + code;
    }
    return problem;
  }
}
