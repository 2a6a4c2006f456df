package io.byzcheck.kernels.sim.attack;

/**
 * The adaptive attack: every Byzantine worker sends ḡ + s·a, with a the ALIE direction (−σ) or the
 * IPM direction (−ḡ), and s chosen each round to maximise ‖F(x) − ḡ‖ for the server's rule F. The
 * line search covers both signs of s (a popular library searches one side only): a geometric grid of
 * |s| from 2⁻⁴ to 2¹⁰ on each side, then a golden-section refinement around the best grid point.
 */
public record AdaptiveScale(Direction direction) implements Attack {
  public enum Direction { ALIE, IPM }

  private static final double SMALLEST = 1.0 / 16;
  private static final int GRID = 15;
  private static final int REFINE = 12;

  @Override
  public String name() {
    return "adaptive " + direction;
  }

  @Override
  public void forge(AttackContext context) {
    double[] mean = context.honestMean();
    double[] a = direction == Direction.ALIE ? context.honestStd() : mean.clone();
    for (int k = 0; k < a.length; k++) {
      a[k] = -a[k];
    }
    double[] candidate = new double[mean.length];
    double bestScale = 0;
    double best = damage(context, mean, a, 0, candidate);
    for (int sign = -1; sign <= 1; sign += 2) {
      for (int g = 0; g < GRID; g++) {
        double s = sign * SMALLEST * Math.pow(2, g);
        double v = damage(context, mean, a, s, candidate);
        if (v > best) {
          best = v;
          bestScale = s;
        }
      }
    }
    bestScale = refine(context, mean, a, bestScale, candidate);
    fill(mean, a, bestScale, candidate);
    context.sendAll(candidate);
  }

  /** Golden-section search on [s/2, 2s], where the grid's best point lies. */
  private static double refine(AttackContext context, double[] mean, double[] a, double s, double[] candidate) {
    if (s == 0) {
      return 0;
    }
    double lo = s / 2;
    double hi = 2 * s;
    double phi = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - phi * (hi - lo);
    double x2 = lo + phi * (hi - lo);
    double f1 = damage(context, mean, a, x1, candidate);
    double f2 = damage(context, mean, a, x2, candidate);
    for (int it = 0; it < REFINE; it++) {
      if (f1 >= f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - phi * (hi - lo);
        f1 = damage(context, mean, a, x1, candidate);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + phi * (hi - lo);
        f2 = damage(context, mean, a, x2, candidate);
      }
    }
    double refined = f1 >= f2 ? x1 : x2;
    return Math.max(f1, f2) >= damage(context, mean, a, s, candidate) ? refined : s;
  }

  private static double damage(AttackContext context, double[] mean, double[] a, double s, double[] candidate) {
    fill(mean, a, s, candidate);
    return context.damage(candidate, mean);
  }

  private static void fill(double[] mean, double[] a, double s, double[] out) {
    for (int k = 0; k < out.length; k++) {
      out[k] = mean[k] + s * a[k];
    }
  }
}
