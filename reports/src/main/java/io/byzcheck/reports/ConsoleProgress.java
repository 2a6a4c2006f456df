package io.byzcheck.reports;

import io.byzcheck.properties.ProgressListener;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Prints one line per step, e.g. {@code [12/140] RES-T1-CWMED CWMed n=15 f=5 d=10 … 0:42 elapsed, ~3:10 left}.
 * The estimate of what is left assumes the remaining steps cost what the finished ones did.
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private final LongSupplier nanoTime;
  private final long start;
  private final String prefix;

  ConsoleProgress(PrintStream out, LongSupplier nanoTime, String prefix) {
    this.out = out;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.prefix = prefix;
  }

  @Override
  public void progress(int done, int total, String current) {
    long elapsedMillis = (nanoTime.getAsLong() - start) / 1_000_000;
    StringBuilder sb = new StringBuilder(prefix);
    int step = Math.min(done + 1, Math.max(total, 1));
    sb.append('[').append(step).append('/').append(total).append("] ").append(current == null ? "" : current)
        .append(" … ").append(clock(elapsedMillis)).append(" elapsed");
    if (done > 0 && done < total) {
      long left = elapsedMillis * (total - done) / done;
      sb.append(", ~").append(clock(left)).append(" left");
    }
    out.println(sb);
    out.flush();
  }

  /** m:ss (or h:mm:ss). */
  static String clock(long millis) {
    long s = millis / 1000;
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
