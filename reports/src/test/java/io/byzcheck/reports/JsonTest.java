package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.byzcheck.properties.CheckResult;
import io.byzcheck.properties.Verdict;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesResultRecordsWithEscapesAndNonFiniteNumbers() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n", 15);
    params.put("f", 5);
    CheckResult r = new CheckResult("RES-T1-CWMED", "CWMed \"x\"", params, 2.5, Double.POSITIVE_INFINITY,
        10, 42L, Verdict.VIOLATED, "a\nb");
    assertThat(Json.write(r)).isEqualTo(
        "{\"id\":\"RES-T1-CWMED\",\"rule\":\"CWMed \\\"x\\\"\",\"parameters\":{\"n\":15,\"f\":5},"
            + "\"bound\":2.5,\"worstRatio\":\"Infinity\",\"evaluations\":10,\"seed\":42,"
            + "\"verdict\":\"VIOLATED\",\"counterexample\":\"a\\nb\",\"claim\":null}");
  }

  @Test
  void writesTheClaimWithItsCitation() {
    Bound claim = Bound.of(2.5, new Citation("RES-T1-CWMED", "RES", "Table 1"), "f < n/2");
    CheckResult r = new CheckResult("RES-T1-CWMED", "CWMed", Map.of("n", 3), 2.5, 0.5, 1, 7L, Verdict.HOLDS, null,
        claim);
    assertThat(Json.write(r)).endsWith(",\"claim\":{\"value\":2.5,\"citation\":{\"id\":\"RES-T1-CWMED\","
        + "\"paper\":\"RES\",\"locator\":\"Table 1\"},\"assumptions\":[\"f < n/2\"]}}");
  }

  @Test
  void writesArraysListsAndNull() {
    assertThat(Json.write(List.of(new double[] {0.5, Double.NaN}, "x"))).isEqualTo("[[0.5,\"NaN\"],\"x\"]");
    assertThat(Json.write(null)).isEqualTo("null");
  }
}
