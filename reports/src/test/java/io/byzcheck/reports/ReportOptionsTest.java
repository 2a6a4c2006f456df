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

  @Test
  void threadsComeFromTheOptionThenThePropertyThenTheCores() {
    assertThat(ReportOptions.parseWith(null).threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(ReportOptions.parseWith("3").threads()).isEqualTo(3);
    assertThat(ReportOptions.parseWith(" 3 ", "--threads", "1").threads()).isEqualTo(1);
    assertThat(ReportOptions.parseWith(null, "--threads=2").threads()).isEqualTo(2);
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--threads", "0"))
        .hasMessage("--threads must be a positive integer, got '0'");
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--threads", "5000"))
        .hasMessage("--threads must be a positive integer ≤ 4096, got '5000'");
    assertThatThrownBy(() -> ReportOptions.parseWith("many")).hasMessage("-Dbyzcheck.threads must be an integer, got 'many'");
    assertThatThrownBy(() -> ReportOptions.parseWith("-1")).hasMessage("-Dbyzcheck.threads must be a positive integer, got '-1'");
    assertThat(ReportOptions.USAGE).contains("--threads N").contains("byzcheck.threads").contains("--shard I/K")
        .contains("merge");
  }

  @Test
  void aShardIsZeroBasedIndexOverCount() {
    assertThat(ReportOptions.parseWith(null, "--shard", "1/3").shard()).isEqualTo(new Shard(1, 3));
    assertThat(ReportOptions.parseWith(null, "--shard=0/1").shard()).isEqualTo(new Shard(0, 1));
    assertThat(ReportOptions.parseWith(null).shard()).isNull();
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--shard", "3/3"))
        .hasMessage("a shard needs 0 ≤ index < count (0-based: 0/3 … 2/3), got 3/3");
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--shard", "1/0"))
        .hasMessage("a shard needs 0 ≤ index < count (0-based: 0/1 … 0/1), got 1/0");
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--shard", "1-3"))
        .hasMessage("--shard must be INDEX/COUNT, 0-based (e.g. 0/4 … 3/4), got '1-3'");
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "--shard", "a/3")).hasMessage("--shard index must be an integer, got 'a'");
  }

  @Test
  void mergeTakesPartialsAndAnOutputOnly() {
    ReportOptions m = ReportOptions.parseWith(null, "merge", "a", "--out", "x", "b/");
    assertThat(m.merge()).containsExactly(Path.of("a"), Path.of("b/"));
    assertThat(m.out()).isEqualTo(Path.of("x"));
    assertThat(ReportOptions.parseWith(null, "--out", "x").merge()).isNull();
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "merge"))
        .hasMessage("merge needs the partial results of a sharded run (files or directories)");
    assertThatThrownBy(() -> ReportOptions.parseWith(null, "merge", "--seed", "1", "a"))
        .hasMessage("merge takes only --out and the partial results; --seed was fixed by the shards' run");
  }
}
