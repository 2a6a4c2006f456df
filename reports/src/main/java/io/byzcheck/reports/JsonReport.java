package io.byzcheck.reports;

import io.byzcheck.theory.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json: the same {@link Report} as the HTML page, as one JSON document written with
 * {@link Json}. Keys: schema, metadata, summary, checks, negativeControls, theoryCoverage,
 * discrepancies, paperReproductions, statisticalChecks, timings (how the run was executed). Counterexamples are
 * kept whole here.
 */
public final class JsonReport {
  public static final String SCHEMA = "byzcheck-report/1";

  private JsonReport() {}

  public static String render(Report report) {
    return render(report, null);
  }

  /** With the statistical checks under "statisticalChecks" (null: none ran). */
  public static String render(Report report, io.byzcheck.properties.statistical.StatisticalCatalogue.Run statistical) {
    return render(report, statistical, null);
  }

  /**
   * With "timings" last (null: none): how the run was executed (threads, shards) and each task's expected and
   * measured time — the one part, with the metadata's times, that differs between runs of the same seed.
   */
  public static String render(Report report, io.byzcheck.properties.statistical.StatisticalCatalogue.Run statistical,
      Map<String, Object> timings) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", SCHEMA);
    Map<String, Object> meta = new LinkedHashMap<>();
    RunMetadata m = report.metadata();
    meta.put("generatedAt", m.generatedAt());
    meta.put("jdk", m.jdk());
    meta.put("os", m.os());
    meta.put("cores", m.cores());
    meta.put("vectorization", m.vectorization());
    meta.put("budget", m.budget());
    meta.put("seed", m.budget().seed());
    meta.put("only", m.only());
    meta.put("elapsedMillis", m.elapsedMillis());
    meta.put("catalogueElapsedMillis", report.run().elapsedMillis());
    doc.put("metadata", meta);

    Report.Summary s = report.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checks", report.run().checks().size());
    summary.put("holds", s.holds());
    summary.put("violated", s.violated());
    summary.put("inconclusive", s.inconclusive());
    summary.put("negativeControlsCaught", s.controlsCaught());
    summary.put("negativeControlsTotal", s.controlsTotal());
    summary.put("uncaughtNegativeControls", s.uncaughtControls().stream().map(nc -> nc.id() + ": " + nc.description()).toList());
    summary.put("idsWithoutNegativeControl", s.idsWithoutControl());
    doc.put("summary", summary);

    doc.put("checks", report.run().checks());
    doc.put("negativeControls", report.run().negativeControls());

    TheoryCoverage cov = report.coverage();
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("encoded", cov.implementedCount());
    coverage.put("encodable", cov.encodable());
    coverage.put("checkedIds", cov.checkedCount());
    coverage.put("theoryIds", cov.rows().size());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TheoryCoverage.Row r : cov.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      Statement st = r.statement();
      row.put("id", r.id());
      row.put("kind", String.valueOf(r.kind()));
      row.put("implemented", r.implemented());
      row.put("paper", st == null ? null : st.citation().paper());
      row.put("locator", st == null ? null : st.citation().locator());
      row.put("summary", st == null ? null : st.summary());
      row.put("codeLocation", st == null ? null : st.codeLocation());
      row.put("checkedBy", r.checkedBy());
      row.put("results", r.results());
      row.put("negativeControls", r.negativeControls());
      rows.add(row);
    }
    coverage.put("rows", rows);
    coverage.put("unknownCheckIds", cov.unknownCheckIds());
    doc.put("theoryCoverage", coverage);

    doc.put("discrepancies", report.discrepancies());
    doc.put("paperReproductions", report.reproductions());
    if (statistical != null) {
      doc.put("statisticalChecks", StatisticalSection.json(statistical));
    }
    if (timings != null) {
      doc.put("timings", timings);
    }
    return JsonPretty.indent(Json.write(doc)) + "\n";
  }
}
