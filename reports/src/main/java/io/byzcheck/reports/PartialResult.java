package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one shard of a sharded run writes ({@code partial-i-of-k.json}): the run's identity — ByzCheck version,
 * the plan's fingerprint (budget, restriction, every task, the cost table), budget with its master seed, the
 * ID restriction, the shard — this JVM's run metadata, and the full result of every task of its slice, in the
 * lossless encoding of {@link TypedJson}. {@link Merge} turns k of them into the report.
 *
 * @param results task key → result, in catalogue order
 * @param millis task key → milliseconds it took
 */
record PartialResult(String version, String fingerprint, Budget budget, String only, Shard shard, int tasks,
    int threads, RunMetadata metadata, Map<String, Object> results, Map<String, Long> millis) {
  static final String SCHEMA = "byzcheck-partial/1";

  /** This build's version (the reports module's Maven version), "unknown" outside a Maven build. */
  static String buildVersion() {
    try (InputStream in = PartialResult.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  String toJson(Map<String, WorkPlan.Kind> kinds) {
    StringBuilder sb = new StringBuilder("{\"schema\":");
    Json.write(sb, SCHEMA);
    sb.append(",\"version\":");
    Json.write(sb, version);
    sb.append(",\"fingerprint\":");
    Json.write(sb, fingerprint);
    sb.append(",\"seed\":").append(budget.seed()).append(",\"budget\":");
    TypedJson.write(sb, budget, Budget.class);
    sb.append(",\"only\":");
    TypedJson.write(sb, only, String.class);
    sb.append(",\"shard\":");
    TypedJson.write(sb, shard, Shard.class);
    sb.append(",\"tasks\":").append(tasks).append(",\"threads\":").append(threads).append(",\"metadata\":");
    TypedJson.write(sb, metadata, RunMetadata.class);
    sb.append(",\"results\":[");
    boolean first = true;
    for (Map.Entry<String, Object> e : results.entrySet()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      WorkPlan.Kind kind = kinds.get(e.getKey());
      sb.append("{\"key\":");
      Json.write(sb, e.getKey());
      sb.append(",\"kind\":");
      Json.write(sb, kind.name());
      sb.append(",\"millis\":").append(millis.get(e.getKey())).append(",\"value\":");
      TypedJson.write(sb, e.getValue(), kind.result);
      sb.append('}');
    }
    return sb.append("\n]}\n").toString();
  }

  /** Reads a partial result; an IllegalArgumentException naming the file when it is not one. */
  @SuppressWarnings("unchecked")
  static PartialResult read(Path file) throws IOException {
    String where = file.toString();
    Object doc;
    try {
      doc = JsonParser.parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not a partial result: " + e.getMessage(), e);
    }
    ReportValidation.check(where, doc instanceof Map<?, ?> m && SCHEMA.equals(m.get("schema")),
        "schema " + SCHEMA + " (a file written by a --shard run)", doc instanceof Map<?, ?> m
            ? "schema " + m.get("schema") : "not a JSON object");
    Map<String, Object> m = (Map<String, Object>) doc;
    try {
      Map<String, Object> results = new LinkedHashMap<>();
      Map<String, Long> millis = new LinkedHashMap<>();
      for (Object o : (List<Object>) m.get("results")) {
        Map<String, Object> r = (Map<String, Object>) o;
        String key = (String) r.get("key");
        WorkPlan.Kind kind = WorkPlan.Kind.valueOf((String) r.get("kind"));
        ReportValidation.check(where, !results.containsKey(key), "each task once", "task " + key + " twice");
        results.put(key, TypedJson.read(r.get("value"), kind.result));
        millis.put(key, ((JsonParser.Num) r.get("millis")).asLong());
      }
      return new PartialResult((String) m.get("version"), (String) m.get("fingerprint"),
          (Budget) TypedJson.read(m.get("budget"), Budget.class), (String) m.get("only"),
          (Shard) TypedJson.read(m.get("shard"), Shard.class), (int) TypedJson.read(m.get("tasks"), int.class),
          (int) TypedJson.read(m.get("threads"), int.class),
          (RunMetadata) TypedJson.read(m.get("metadata"), RunMetadata.class), results, millis);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + " is not a valid partial result: " + e.getMessage(), e);
    }
  }

  /** The keys of this partial's tasks, in order. */
  List<String> keys() {
    return new ArrayList<>(results.keySet());
  }
}
