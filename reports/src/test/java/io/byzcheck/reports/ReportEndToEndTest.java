package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.catalogue.Catalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real catalogue through ReportMain at a tiny budget: both files exist and hold every section. */
class ReportEndToEndTest {

  @Test
  @SuppressWarnings("unchecked")
  void theWholeCatalogueAtATinyBudget(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ReportMain main = new ReportMain(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), CatalogueSource.withoutStatistical(), PaperReproductions.all(),
        Clock.systemUTC(), System::nanoTime, false);
    Path dir = tmp.resolve("report");
    int code = main.run("--out", dir.toString(), "--budget", "ci", "--evaluations", "40", "--restarts", "1");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(stderr).isZero();

    Budget tiny = new Budget("ci", 40, 1, Budget.DEFAULT_SEED);
    int entries = Catalogue.entries(tiny).size();
    int controls = Catalogue.controls(tiny).size();
    Path index = dir.resolve("index.html").toAbsolutePath();
    assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().toList().getLast()).isEqualTo(index.toString());
    int tasks = entries + controls + PaperReproductions.all().size();
    assertThat(stderr).contains("[1/" + tasks + "] done ").contains("[" + tasks + "/" + tasks + "] done ");

    String html = Files.readString(index);
    for (String section : List.of("summary", "tightness", "checks", "controls", "reproductions", "coverage", "discrepancies")) {
      assertThat(html).contains("<section id=\"" + section + "\">");
    }
    assertThat(html).contains("<dt>budget</dt><dd>ci — 40 evaluations × 1 restarts per parameter point</dd>");
    assertThat(HtmlReportTest.count(HtmlReportTest.section(html, "checks"), "<tr class=\"v-")).isEqualTo(entries);
    assertThat(TagBalance.check(html)).isNull();

    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(Files.readString(dir.resolve("report.json")));
    assertThat((List<Object>) doc.get("checks")).hasSize(entries);
    assertThat((List<Object>) doc.get("negativeControls")).hasSize(controls);
    assertThat((List<Object>) ((Map<String, Object>) doc.get("theoryCoverage")).get("rows"))
        .hasSize(Fixtures.theoryIds().size());
  }

  @Test
  void theSameSeedGivesTheSamePageApartFromTheRunMetadata(@TempDir Path tmp) throws Exception {
    String[] pages = new String[2];
    for (int i = 0; i < 2; i++) {
      Path dir = tmp.resolve("run" + i);
      ReportMain main = new ReportMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), CatalogueSource.withoutStatistical(),
          List.of(), Clock.systemUTC(), System::nanoTime, false);
      assertThat(main.run("--out", dir.toString(), "--only", "RES-T1-CWMED", "--evaluations", "40", "--restarts", "1",
          "--seed", "5", "--threads", String.valueOf(i + 1))).isZero();
      // The metadata block holds the timestamp and durations; everything else must be identical.
      pages[i] = Files.readString(dir.resolve("index.html")).replaceAll("(?s)<dl class=\"meta\">.*?</dl>", "");
    }
    assertThat(pages[1]).isEqualTo(pages[0]);
  }

  @Test
  void anOnlyPrefixThatMatchesNothingIsAUsageError(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ReportMain main = new ReportMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), CatalogueSource.withoutStatistical(), List.of(), Clock.systemUTC(),
        System::nanoTime, false);
    assertThat(main.run("--out", tmp.toString(), "--only", "NOPE-")).isEqualTo(ReportMain.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: --only NOPE-: no check or reproduction has an ID starting with 'NOPE-'");
  }
}
