package io.byzcheck.reports;

import io.byzcheck.kernels.Backend;
import io.byzcheck.properties.Budget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and how a report was produced: what a reader needs to judge and replay it.
 *
 * @param generatedAt when the run finished (UTC, ISO-8601)
 * @param jdk the Java runtime, e.g. "25+36-LTS (Eclipse Adoptium)"
 * @param os operating system and architecture
 * @param cores processors available to the JVM
 * @param vectorization {@link Backend#describe()} of the kernels used
 * @param budget the engine budget (its seed is the master seed)
 * @param only the ID prefix the run was restricted to, or null for the whole catalogue
 * @param elapsedMillis wall-clock time of the whole run (catalogue and reproductions)
 */
public record RunMetadata(String generatedAt, String jdk, String os, int cores, String vectorization,
    Budget budget, String only, long elapsedMillis) {

  /** Metadata of a run on this JVM finishing at {@code finishedAt}. */
  public static RunMetadata ofThisJvm(Instant finishedAt, Budget budget, String only, long elapsedMillis) {
    String vendor = System.getProperty("java.vendor", "?");
    String jdk = Runtime.version() + " (" + vendor + ")";
    String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " "
        + System.getProperty("os.arch", "");
    return new RunMetadata(finishedAt.truncatedTo(ChronoUnit.SECONDS).toString(), jdk, os.strip(),
        Runtime.getRuntime().availableProcessors(), Backend.describe(), budget, only, elapsedMillis);
  }
}
