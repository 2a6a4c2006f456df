package io.byzcheck.kernels.sim.attack;

/**
 * The worst attack the engine finds: each round every Byzantine worker sends the vector that maximises the damage
 * ‖F(x) − ḡ‖ of the server's actual rule F ({@link AttackContext#damage}), found by a {@link RoundSearch} within
 * a budget of evaluations per round, seeded from the attack's generator (so a run replays). The search is over a
 * low-dimensional family that holds the published attacks as points: ḡ + S·2^{6t}·Σⱼ aⱼuⱼ, with S the honest
 * spread maxᵢ‖gᵢ − ḡ‖, length exponent t ∈ [−1, 1] and weights aⱼ ∈ [−1, 1] on the unit directions u = (−σ/‖σ‖
 * (ALIE), −ḡ/‖ḡ‖ (IPM, Min-Max's uv), −sign(ḡ)/√d (Min-Max's sgn)). A search over all d coordinates is out of reach
 * at a few dozen evaluations per round (MNIST softmax: d = 7850); this family is the stated restriction.
 */
public final class WorstAttack implements Attack {
  private final RoundSearch search;
  private final int evaluations;
  private final int every;
  /**
   * The family's coordinates last found, reused between searches (relative to that round's ḡ and S): state of one
   * run, so one instance must not serve two runs at once.
   */
  private double[] last;
  private static final double[] START = {0, 1, 0, 0}; // t = 0: length S along ALIE's direction

  /**
   * @param evaluations the search's budget each time it runs
   * @param every the search runs on rounds 1, 1 + every, 1 + 2·every, …; the rounds between send the last
   *     coordinates found, on their own ḡ and S (an adaptive attacker that re-plans periodically). every = 1: each
   *     round. The average cost is evaluations/every aggregations per round.
   */
  public WorstAttack(RoundSearch search, int evaluations, int every) {
    if (search == null || evaluations < 2 || every < 1) {
      throw new IllegalArgumentException("the worst attack needs a search, at least 2 evaluations and every ≥ 1, got "
          + evaluations + ", " + every);
    }
    this.search = search;
    this.evaluations = evaluations;
    this.every = every;
  }

  /** A search each round. */
  public WorstAttack(RoundSearch search, int evaluations) {
    this(search, evaluations, 1);
  }

  @Override
  public String name() {
    return "worst (CMA-ES, " + evaluations + (every == 1 ? "/round)" : " every " + every + " rounds)");
  }

  @Override
  public void forge(AttackContext context) {
    double[][] h = context.honest();
    double[] mean = context.honestMean();
    int d = mean.length;
    double[][] u = {context.honestStd(), mean.clone(), Perturbation.SIGN.of(h, mean)};
    for (double[] v : u) {
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < d; k++) {
        v[k] = norm > 0 ? -v[k] / norm : 0;
      }
    }
    double spread = 0;
    for (double[] g : h) {
      spread = Math.max(spread, Math.sqrt(GammaSearch.squaredDistance(g, mean)));
    }
    double s = spread > 0 ? spread : 1;
    long seed = context.rng().nextLong(); // drawn every round, so the search's seeds do not depend on `every`
    if (context.round() == 1 || last == null) {
      last = START; // a new run starts afresh: nothing carries over from another run of this instance
    }
    if ((context.round() - 1) % every == 0) {
      java.util.function.ToDoubleFunction<double[]> damage = z -> context.damage(candidate(mean, u, s, z), mean);
      last = search.maximise(damage, last, evaluations, seed).clone();
    }
    context.sendAll(candidate(mean, u, s, last));
  }

  /** ḡ + S·2^{6t}·Σⱼ aⱼuⱼ for z = (t, a₁, a₂, a₃). */
  static double[] candidate(double[] mean, double[][] u, double spread, double[] z) {
    double length = spread * Math.pow(2, 6 * z[0]);
    double[] c = mean.clone();
    for (int j = 0; j < u.length; j++) {
      for (int k = 0; k < c.length; k++) {
        c[k] += length * z[j + 1] * u[j][k];
      }
    }
    return c;
  }
}
