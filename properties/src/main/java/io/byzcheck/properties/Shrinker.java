package io.byzcheck.properties;

import java.util.function.Predicate;

/**
 * Makes a counterexample smaller while it still violates: drop workers (keeping f &lt; n/2 by
 * dropping f with them when needed is the caller's business: the predicate receives n, f, d via the
 * array and {@link Candidate#f()}), drop coordinates, then round values to fewer significant digits.
 * Greedy and deterministic: the same input shrinks the same way.
 */
public final class Shrinker {
  private Shrinker() {}

  /** A shrunk input with the f it was checked at. */
  public record Candidate(double[][] x, int f) {}

  public static Candidate shrink(Candidate start, Predicate<Candidate> violates) {
    Candidate c = start;
    boolean progress = true;
    while (progress) {
      progress = false;
      // Fewer workers: remove one, at the same f or at f − 1.
      for (int i = 0; i < c.x().length && c.x().length > 1; i++) {
        for (int df = 0; df <= 1; df++) {
          int f = c.f() - df;
          if (f < 0 || f >= c.x().length - 1) {
            continue;
          }
          Candidate t = new Candidate(withoutRow(c.x(), i), f);
          if (violates.test(t)) {
            c = t;
            progress = true;
            break;
          }
        }
      }
      // Fewer coordinates.
      for (int k = 0; k < c.x()[0].length && c.x()[0].length > 1; k++) {
        Candidate t = new Candidate(withoutColumn(c.x(), k), c.f());
        if (violates.test(t)) {
          c = t;
          progress = true;
          k--;
        }
      }
    }
    // Rounder numbers: 1, 2, 3 significant digits, then 2 decimals on the whole matrix.
    for (int digits = 1; digits <= 3; digits++) {
      Candidate t = new Candidate(round(c.x(), digits), c.f());
      if (violates.test(t)) {
        return t;
      }
    }
    return c;
  }

  private static double[][] withoutRow(double[][] x, int drop) {
    double[][] y = new double[x.length - 1][];
    for (int i = 0, j = 0; i < x.length; i++) {
      if (i != drop) {
        y[j++] = x[i].clone();
      }
    }
    return y;
  }

  private static double[][] withoutColumn(double[][] x, int drop) {
    double[][] y = new double[x.length][x[0].length - 1];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0, j = 0; k < x[i].length; k++) {
        if (k != drop) {
          y[i][j++] = x[i][k];
        }
      }
    }
    return y;
  }

  private static double[][] round(double[][] x, int digits) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = new double[x[i].length];
      for (int k = 0; k < x[i].length; k++) {
        double v = x[i][k];
        if (v == 0) {
          continue;
        }
        double scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(v))));
        y[i][k] = (float) (Math.round(v * scale) / scale);
      }
    }
    return y;
  }
}
