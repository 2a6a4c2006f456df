package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.byzcheck.properties.Budget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {

  @Test
  void defaultsAreTheReportBudgetIntoDotSlashReport() {
    ReportOptions o = ReportOptions.parse();
    assertThat(o.out()).isEqualTo(Path.of("report"));
    assertThat(o.budget()).isEqualTo(Budget.REPORT);
    assertThat(o.only()).isNull();
    assertThat(o.help()).isFalse();
  }

  @Test
  void flagsTakeSeparateOrInlineValues() {
    ReportOptions o = ReportOptions.parse("--out", "/tmp/r", "--budget=ci", "--seed", "-7", "--only=RES-T1");
    assertThat(o.out()).isEqualTo(Path.of("/tmp/r"));
    assertThat(o.budget()).isEqualTo(Budget.CI.withSeed(-7));
    assertThat(o.only()).isEqualTo("RES-T1");
    ReportOptions custom = ReportOptions.parse("--budget", "ci", "--evaluations", "50", "--restarts", "1");
    assertThat(custom.budget()).isEqualTo(new Budget("ci", 50, 1, Budget.DEFAULT_SEED));
  }

  @Test
  void helpWins() {
    assertThat(ReportOptions.parse("--seed", "1", "--help").help()).isTrue();
    assertThat(ReportOptions.parse("-h").help()).isTrue();
    assertThat(ReportOptions.USAGE).contains("--out DIR").contains("--budget ci|report").contains("--seed N")
        .contains("--only PREFIX");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> ReportOptions.parse("--frobnicate")).hasMessage("unknown argument '--frobnicate' (see --help)");
    assertThatThrownBy(() -> ReportOptions.parse("extra")).hasMessage("unknown argument 'extra' (see --help)");
    assertThatThrownBy(() -> ReportOptions.parse("--out")).hasMessage("--out needs a value");
    assertThatThrownBy(() -> ReportOptions.parse("--out", "--budget", "ci")).hasMessage("--out needs a value");
    assertThatThrownBy(() -> ReportOptions.parse("--out=")).hasMessage("--out needs a non-empty value");
    assertThatThrownBy(() -> ReportOptions.parse("--budget", "huge")).hasMessage("--budget must be ci or report, got 'huge'");
    assertThatThrownBy(() -> ReportOptions.parse("--seed", "12x")).hasMessage("--seed must be an integer, got '12x'");
    assertThatThrownBy(() -> ReportOptions.parse("--evaluations", "0"))
        .hasMessage("--evaluations must be a positive integer, got '0'");
    assertThatThrownBy(() -> ReportOptions.parse("--restarts", "99999999999"))
        .hasMessage("--restarts must be a positive integer, got '99999999999'");
  }
}
