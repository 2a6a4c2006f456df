package io.byzcheck.kernels.sim.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The 10 000-digit MNIST subset bundled with ByzCheck (resource {@code sim/mnist-10k}, with its README
 * and licence; LeCun &amp; Cortes, CC BY-SA 3.0). Pixels are scaled to [0, 1] and a constant 1 is
 * appended as the bias feature, so d = 785 per class.
 */
public final class Mnist {
  public static final int IMAGES = 10_000;
  public static final int PIXELS = 28 * 28;
  private static final String BASE = "/io/byzcheck/kernels/sim/mnist-10k/";

  private Mnist() {}

  /** All 10 000 digits as features (785 with the bias) and labels 0..9. */
  public static Dataset load() {
    try (InputStream images = open("images-idx3-ubyte.gz"); InputStream labels = open("labels-idx1-ubyte.gz")) {
      IdxReader.Tensor x = IdxReader.read(images, "MNIST images");
      IdxReader.Tensor y = IdxReader.read(labels, "MNIST labels");
      if (x.count() != y.count() || x.itemSize() != PIXELS) {
        throw new IOException("MNIST subset has " + x.count() + " images of " + x.itemSize() + " pixels and "
            + y.count() + " labels");
      }
      int cols = PIXELS + 1;
      double[] features = new double[x.count() * cols];
      double[] targets = new double[x.count()];
      for (int i = 0; i < x.count(); i++) {
        for (int k = 0; k < PIXELS; k++) {
          features[i * cols + k] = x.values()[i * PIXELS + k] / 255.0;
        }
        features[i * cols + PIXELS] = 1;
        targets[i] = y.values()[i];
      }
      return new Dataset(features, x.count(), cols, targets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled MNIST subset", e);
    }
  }

  /**
   * Multiclass logistic regression (Yin §7, Table 2): the first {@code trainSize} digits train, the
   * rest test (the file is shuffled once, so both halves hold every class).
   */
  public static Problem softmax(int trainSize, double l2) {
    Dataset all = load();
    if (trainSize < 1 || trainSize >= all.rows()) {
      throw new IllegalArgumentException("the training part must leave test digits: 1 ≤ trainSize < "
          + all.rows() + ", got " + trainSize);
    }
    Dataset train = all.subset(range(0, trainSize));
    Dataset test = all.subset(range(trainSize, all.rows()));
    return new Problem("MNIST-10k softmax regression (Yin §7)", new SoftmaxRegression(train, 10, l2),
        Optional.empty(), Optional.of(test));
  }

  static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = Mnist.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IOException("resource " + BASE + file + " is missing from the classpath");
    }
    return in;
  }
}
