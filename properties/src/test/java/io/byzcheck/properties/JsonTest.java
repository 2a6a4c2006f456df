package io.byzcheck.properties;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(r.toJson()).isEqualTo(
        "{\"id\":\"RES-T1-CWMED\",\"rule\":\"CWMed \\\"x\\\"\",\"parameters\":{\"n\":15,\"f\":5},"
            + "\"bound\":2.5,\"worstRatio\":\"Infinity\",\"evaluations\":10,\"seed\":42,"
            + "\"verdict\":\"VIOLATED\",\"counterexample\":\"a\\nb\"}");
  }

  @Test
  void writesArraysListsAndNull() {
    assertThat(Json.write(List.of(new double[] {0.5, Double.NaN}, "x"))).isEqualTo("[[0.5,\"NaN\"],\"x\"]");
    assertThat(Json.write(null)).isEqualTo("null");
  }
}
