package io.byzcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPrettyTest {
  @Test
  void indentsObjectsKeepsFlatArraysAndNeverTouchesStrings() {
    String compact = "{\"a\":[1,2.5,\"x,{y}\"],\"b\":{\"c\":[],\"d\":{},\"e\":[{\"f\":\"q\\\"[\"}]}}";
    String pretty = JsonPretty.indent(compact);
    assertThat(pretty).isEqualTo("""
        {
          "a": [1,2.5,"x,{y}"],
          "b": {
            "c": [],
            "d": {},
            "e": [
              {
                "f": "q\\"["
              }
            ]
          }
        }""");
    assertThat(MiniJson.parse(pretty)).isEqualTo(MiniJson.parse(compact));
  }

  @Test
  void theWholeReportParsesToTheSameValueIndentedOrNot() {
    Report report = Fixtures.report(Fixtures.run(false));
    String pretty = JsonReport.render(report);
    assertThat(pretty.lines().count()).isGreaterThan(100);
    assertThat(MiniJson.parse(pretty)).isEqualTo(MiniJson.parse(pretty.replaceAll("\n\\s*", "")));
  }
}
