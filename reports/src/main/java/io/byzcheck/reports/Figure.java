package io.byzcheck.reports;

import java.util.List;

/**
 * A line chart for a paper reproduction (e.g. ‖θ_t − θ*‖ against iterations for GIANT, MNM and
 * CNM, as in Cao &amp; Lai Figs. 2–5), rendered by {@link LineChart}.
 *
 * @param title caption
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logY plot y on a log₁₀ scale (non-positive values are left out)
 * @param curves the lines
 */
public record Figure(String title, String xLabel, String yLabel, boolean logY, List<Curve> curves) {
  public Figure {
    curves = List.copyOf(curves);
  }

  /** One line: points (x[i], y[i]); non-finite y (a diverged run) ends the line with a marker. */
  public record Curve(String label, double[] x, double[] y) {
    public Curve {
      ReportValidation.checkSameSize("curve " + label, "x values", x.length, "y values", y.length);
      x = x.clone();
      y = y.clone();
    }
  }
}
