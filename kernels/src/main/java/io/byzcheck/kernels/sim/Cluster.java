package io.byzcheck.kernels.sim;

import io.byzcheck.kernels.internal.Checks;
import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.LabelFlipping;
import io.byzcheck.kernels.sim.problem.Objective;
import io.byzcheck.kernels.sim.problem.Problem;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The distributed setting of the papers: a problem's N samples shuffled with the seed and split into
 * m equal shards (Yin §3, Cao &amp; Lai §II), q of the m workers Byzantine (chosen with the seed), their
 * attack, an optional label-flipping of their data, and the server's clean sample S₀ for CNM and
 * comparison-based gradient descent (Cao &amp; Lai §III-B). Immutable: every {@link #start()} replays the
 * same run from the seed.
 */
public final class Cluster {
  private final Problem problem;
  private final Objective[] shards;
  private final boolean[] byzantine;
  private final Attack attack;
  private final Optional<LabelFlipping> poisoning;
  private final Optional<Objective> serverSample;
  private final long seed;
  private final int monitorEvery;

  private Cluster(Builder b) {
    this.problem = b.problem;
    this.attack = b.attack;
    this.poisoning = Optional.ofNullable(b.poisoning);
    this.seed = b.seed;
    this.monitorEvery = b.monitorEvery;
    Objective all = problem.objective();
    int n = all.samples();
    Checks.atLeast("the cluster", "m", b.workers, 1);
    Checks.byzantineCount("the cluster", "q", b.byzantine, "m", b.workers);
    int perWorker = n / b.workers;
    if (perWorker < 1) {
      throw new IllegalArgumentException("N = " + n + " samples cannot give each of m = " + b.workers
          + " workers one sample");
    }
    attack.validate(b.workers, b.byzantine);
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = permutation(n, rng.split());
    shards = new Objective[b.workers];
    for (int j = 0; j < b.workers; j++) {
      shards[j] = all.restrict(Arrays.copyOfRange(order, j * perWorker, (j + 1) * perWorker));
    }
    byzantine = new boolean[b.workers];
    int[] who = permutation(b.workers, rng.split());
    SplittableRandom poisonRng = rng.split();
    for (int i = 0; i < b.byzantine; i++) {
      byzantine[who[i]] = true;
      if (b.poisoning != null) {
        shards[who[i]] = shards[who[i]].on(b.poisoning.poison(shards[who[i]].data(), poisonRng));
      }
    }
    if (b.serverSample > 0) {
      if (b.serverSample > n) {
        throw new IllegalArgumentException("S₀ of " + b.serverSample + " samples exceeds N = " + n);
      }
      serverSample = Optional.of(all.restrict(Arrays.copyOf(permutation(n, rng.split()), b.serverSample)));
    } else {
      serverSample = Optional.empty();
    }
  }

  public static Builder builder(Problem problem) {
    return new Builder(problem);
  }

  public Problem problem() {
    return problem;
  }

  public int workers() {
    return shards.length;
  }

  public int byzantineCount() {
    int q = 0;
    for (boolean b : byzantine) {
      q += b ? 1 : 0;
    }
    return q;
  }

  public boolean isByzantine(int worker) {
    return byzantine[worker];
  }

  public Attack attack() {
    return attack;
  }

  public Optional<LabelFlipping> poisoning() {
    return poisoning;
  }

  /** S₀, the server's clean sample; CNM and comparison-based GD need it. */
  public Objective serverSample(String algorithm) {
    return serverSample.orElseThrow(() -> new IllegalStateException(algorithm
        + " needs the server's clean sample S₀: build the cluster with serverSample(size)"));
  }

  public long seed() {
    return seed;
  }

  public int monitorEvery() {
    return monitorEvery;
  }

  Objective shard(int worker) {
    return shards[worker];
  }

  /** A fresh run: workers' generators, momenta and the attack's generator restart from the seed. */
  public Session start() {
    return new Session(this);
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Override
  public String toString() {
    return problem.name() + ", m = " + workers() + ", q = " + byzantineCount() + " (" + attack.name()
        + poisoning.map(p -> ", " + p).orElse("") + "), seed " + seed;
  }

  /** Settings of a {@link Cluster}; m and the seed are required. */
  public static final class Builder {
    private final Problem problem;
    private int workers;
    private int byzantine;
    private Attack attack = Attack.honest();
    private LabelFlipping poisoning;
    private long seed;
    private boolean seeded;
    private int serverSample;
    private int monitorEvery = 1;

    private Builder(Problem problem) {
      this.problem = java.util.Objects.requireNonNull(problem, "problem");
    }

    public Builder workers(int m) {
      this.workers = m;
      return this;
    }

    public Builder byzantine(int q, Attack attack) {
      this.byzantine = q;
      this.attack = java.util.Objects.requireNonNull(attack, "attack");
      return this;
    }

    /** The Byzantine workers train on poisoned labels and follow the protocol (Yin §7). */
    public Builder labelFlipping(int q, LabelFlipping flipping) {
      this.byzantine = q;
      this.attack = Attack.honest();
      this.poisoning = java.util.Objects.requireNonNull(flipping, "flipping");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      this.seeded = true;
      return this;
    }

    public Builder serverSample(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("S₀ needs at least one sample, got " + size);
      }
      this.serverSample = size;
      return this;
    }

    /** Evaluate loss, gradient norm and error every k iterations (and at the last); 1 by default. */
    public Builder monitorEvery(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("monitorEvery needs k ≥ 1, got " + k);
      }
      this.monitorEvery = k;
      return this;
    }

    public Cluster build() {
      if (!seeded) {
        throw new IllegalStateException("a cluster needs a seed: runs must be reproducible");
      }
      return new Cluster(this);
    }
  }
}
