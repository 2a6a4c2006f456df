package io.byzcheck.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.byzcheck.theory.caolai.SyntheticRegression;
import io.byzcheck.theory.resam.MomentumExperiments;
import io.byzcheck.theory.yin.Table2;
import io.byzcheck.theory.yin.Table4;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The four papers, their citations, and the reproductions' paper numbers against THEORY.md's own text. */
class PaperTest {

  @Test
  void everyImplementedStatementAndDiscrepancyCitesOneOfTheFourPapers() {
    for (Statement s : TheoryCatalog.implemented()) {
      assertThat(s.citation().source()).as(s.id()).isPresent();
      assertThat(s.id()).startsWith(s.citation().paper() + "-");
    }
    for (Discrepancy d : TheoryCatalog.discrepancies()) {
      assertThat(Paper.byKey(d.id().substring(0, 3))).as(d.id()).isPresent();
    }
    assertThat(new Citation("MINE", "own", "claimed by the caller").source()).isEmpty();
    assertThat(new Citation("MINE", "own", "claimed by the caller").cite()).isEqualTo("own, claimed by the caller");
  }

  @Test
  void formatsReferencesAndShortCitations() {
    assertThat(Paper.ALI.reference()).isEqualTo("Alistarh, Allen-Zhu, Li: Byzantine Stochastic Gradient Descent (NeurIPS 2018)");
    assertThat(Paper.RES.label()).isEqualTo("Farhadkhani et al. 2022 (RESAM)");
    assertThat(Paper.CAO.label()).isEqualTo("Cao & Lai 2020");
    assertThat(Table2.CITATION.cite()).isEqualTo("Yin et al. 2018, §7, Table 2");
    assertThat(Paper.byKey("XYZ")).isEmpty();
  }

  @Test
  void paperFilesExistInTheSharedFolder() {
    Path papers = Path.of("..", "..", "shared", "papers");
    if (!Files.isDirectory(papers)) {
      papers = Path.of("..", "shared", "papers");
    }
    assumeTrue(Files.isDirectory(papers), "../shared/papers is not available here");
    for (Paper p : Paper.values()) {
      assertThat(papers.resolve(p.fileName())).as(p.name()).isRegularFile();
      String text = readQuietly(papers.resolve(p.fileName()));
      assertThat(text).as(p.name()).contains(p.authors().get(0));
    }
  }

  /** The numbers are typed from the papers; THEORY.md's rows were written separately from the same tables. */
  @Test
  void reproductionNumbersMatchTheoryMd() throws IOException {
    String yin = row("YIN-TAB2");
    assertThat(yin).contains("m=" + Table2.MACHINES, "α=" + Table2.ALPHA, "β=" + Table2.TRIM_BETA);
    for (double accuracy : Table2.TEST_ACCURACY) {
      assertThat(yin).contains(accuracy + "%");
    }
    String yin4 = row("YIN-TAB4");
    assertThat(yin4).contains("m=" + Table4.MACHINES, "α=" + Table4.ALPHA, "random labels");
    for (double accuracy : Table4.TEST_ACCURACY) {
      assertThat(yin4).contains(Double.toString(accuracy));
    }
    String cao = row("CAO-FIG2-5");
    assertThat(cao).contains("d=" + SyntheticRegression.DIMENSION, "N=" + SyntheticRegression.SAMPLES,
        "m=" + SyntheticRegression.WORKERS, "abs(S₀)=" + SyntheticRegression.SERVER_SAMPLE,
        "ξ₁=ξ₂=" + SyntheticRegression.XI, "μ=" + SyntheticRegression.MU, "η=" + (int) SyntheticRegression.ETA,
        SyntheticRegression.FEW_ATTACKERS + " inverse", SyntheticRegression.MANY_ATTACKERS + " attackers",
        "[" + (int) SyntheticRegression.EIGENVALUE_MIN + "," + (int) SyntheticRegression.EIGENVALUE_MAX + "]");
    assertThat(row("RES-Q-MOM")).contains("β = " + MomentumExperiments.BETA_HIGH, "β = 0 degrades");
    assertThat(SyntheticRegression.outcome(SyntheticRegression.FEW_ATTACKERS)).startsWith("GIANT fails");
    assertThat(SyntheticRegression.outcome(SyntheticRegression.MANY_ATTACKERS)).startsWith("GIANT and MNM fail");
  }

  private static String row(String id) throws IOException {
    try (InputStream in = TheoryCatalog.class.getResourceAsStream("THEORY.md")) {
      String md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return md.lines().filter(l -> l.startsWith("| " + id + " ")).findFirst().orElseThrow();
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
