package io.byzcheck.properties.gen;

import io.byzcheck.properties.PropertiesValidation;
import java.util.SplittableRandom;

/**
 * A small, replayable descriptor of one input: n workers in dimension d, n − f honest drawn from a
 * family, f Byzantine placed against them, rows shuffled, everything from one seed. Failing cases are
 * shrunk and reported as descriptors plus literals, not as a million doubles.
 */
public record Scenario(int n, int f, int d, HonestFamily honest, ByzantinePlacement byzantine, long seed) {

  public Scenario {
    PropertiesValidation.check("a scenario", n >= 1 && d >= 1 && f >= 0 && f < n, "n ≥ 1, d ≥ 1 and 0 ≤ f < n",
        "n = " + n + ", f = " + f + ", d = " + d);
  }

  /** The n × d input, each value rounded to float32 (what a rule sees), widened back to double. */
  public double[][] build() {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[] direction = ByzantinePlacement.randomUnit(rnd, d);
    int h = n - f;
    for (int i = 0; i < h; i++) {
      honest.draw(rnd, direction, x[i]);
    }
    byzantine.place(rnd, x, h);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      double[] t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) row[k];
      }
    }
    return x;
  }

  @Override
  public String toString() {
    return "Scenario(n=" + n + ", f=" + f + ", d=" + d + ", " + honest + ", " + byzantine + ", seed=" + seed + "L)";
  }
}
