package io.byzcheck.kernels.sim.attack;

import io.byzcheck.kernels.sim.problem.Dataset;
import java.util.SplittableRandom;

/**
 * A data attack: the Byzantine workers' labels are replaced before training and they then follow the
 * protocol ({@link Attack#honest()}). Yin §7 replaces y by 9 − y (Table 2); Yin Table 4 draws labels
 * uniformly at random.
 */
public record LabelFlipping(int classes, boolean random) {
  public LabelFlipping {
    if (classes < 2) {
      throw new IllegalArgumentException("label flipping needs at least 2 classes, got " + classes);
    }
  }

  /** y → (K − 1) − y; for MNIST, 9 − y. */
  public static LabelFlipping reversed(int classes) {
    return new LabelFlipping(classes, false);
  }

  /** y → uniform over the K classes. */
  public static LabelFlipping uniform(int classes) {
    return new LabelFlipping(classes, true);
  }

  public Dataset poison(Dataset shard, SplittableRandom rng) {
    double[] y = new double[shard.rows()];
    for (int i = 0; i < y.length; i++) {
      double label = shard.targets()[i];
      if (label != Math.rint(label) || label < 0 || label >= classes) {
        throw new IllegalArgumentException("label flipping needs class labels 0.." + (classes - 1) + ", sample " + i
            + " has " + label);
      }
      y[i] = random ? rng.nextInt(classes) : classes - 1 - label;
    }
    return shard.withTargets(y);
  }

  @Override
  public String toString() {
    return random ? "uniformly random labels" : "labels y → " + (classes - 1) + " − y";
  }
}
