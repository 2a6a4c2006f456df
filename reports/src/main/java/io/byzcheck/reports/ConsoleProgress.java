package io.byzcheck.reports;

import io.byzcheck.properties.ProgressListener;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints one line per step, e.g. {@code [12/140] RES-T1-CWMED CWMed n=15 f=5 d=10 … 0:42 elapsed, ~3:10 left},
 * and, when started as a heartbeat, a "still running" line whenever one step has taken a while,
 * so that a long search never looks like a hang. The estimate of what is left assumes the
 * remaining steps cost what the finished ones did. A parallel run ({@link ParallelRunner}) prints one line per
 * finished task instead, e.g. {@code [12/140] done RES-T1-GM GM n=15 f=7 d=10 · running YIN-TAB2 and 1 more … 0:42
 * elapsed, ~3:10 left}, its estimate from the tasks' expected costs as the runner calibrates them
 * ({@code ParallelRunner.Tracker}).
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
  /** A step running longer than this gets a "still running" line (and again every period). */
  static final long HEARTBEAT_MILLIS = 20_000;

  private final PrintStream out;
  private final LongSupplier nanoTime;
  private final long start;
  private final String prefix;
  private ScheduledExecutorService heartbeat;
  private String current = "";
  private long currentSince;
  private long lastLine;

  ConsoleProgress(PrintStream out, LongSupplier nanoTime, String prefix) {
    this.out = out;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.prefix = prefix;
    this.currentSince = start;
    this.lastLine = start;
  }

  /** Starts the background "still running" line (a daemon thread, stopped by {@link #close()}). */
  ConsoleProgress withHeartbeat() {
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "byzcheck-report-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat.scheduleAtFixedRate(this::tick, HEARTBEAT_MILLIS / 4, HEARTBEAT_MILLIS / 4, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public synchronized void progress(int done, int total, String what) {
    long now = nanoTime.getAsLong();
    long elapsedMillis = (now - start) / 1_000_000;
    current = what == null ? "" : what;
    currentSince = now;
    StringBuilder sb = new StringBuilder(prefix);
    int step = Math.min(done + 1, Math.max(total, 1));
    sb.append('[').append(step).append('/').append(total).append("] ").append(current)
        .append(" … ").append(clock(elapsedMillis)).append(" elapsed");
    if (done > 0 && done < total) {
      long left = elapsedMillis * (total - done) / done;
      sb.append(", ~").append(clock(left)).append(" left");
    }
    line(sb.toString(), now);
  }

  /** One task of a parallel run finished; {@code millisLeft} is the runner's estimate, −1 if it has none yet. */
  public synchronized void finished(int done, int total, String what, long millisLeft) {
    long now = nanoTime.getAsLong();
    long elapsedMillis = (now - start) / 1_000_000;
    StringBuilder sb = new StringBuilder(prefix);
    sb.append('[').append(done).append('/').append(total).append("] done ").append(what).append(" … ")
        .append(clock(elapsedMillis)).append(" elapsed");
    if (done < total && millisLeft >= 0) {
      sb.append(", ~").append(clock(millisLeft)).append(" left");
    }
    line(sb.toString(), now);
  }

  /** What a parallel run is running now (for the "still running" line). */
  public synchronized void running(String what) {
    if (!what.equals(current)) {
      current = what;
      currentSince = nanoTime.getAsLong();
    }
  }

  /** Prints "still running" when nothing was printed for a heartbeat period. */
  synchronized void tick() {
    long now = nanoTime.getAsLong();
    if ((now - lastLine) / 1_000_000 >= HEARTBEAT_MILLIS) {
      line(prefix + "  … still running " + current + " (" + clock((now - currentSince) / 1_000_000) + " on this step, "
          + clock((now - start) / 1_000_000) + " elapsed)", now);
    }
  }

  private void line(String s, long now) {
    out.println(s);
    out.flush();
    lastLine = now;
  }

  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
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
