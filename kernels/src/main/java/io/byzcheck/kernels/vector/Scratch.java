package io.byzcheck.kernels.vector;

/**
 * A per-thread float buffer that only grows, so that the kernels allocate nothing in steady state
 * (a rule is called once per round with the same n). Each kernel family owns its own instance, and a
 * kernel must not call another kernel while it holds the buffer.
 */
final class Scratch {
  private final ThreadLocal<float[][]> holder = ThreadLocal.withInitial(Scratch::empty);

  /** A buffer of at least {@code size} floats, with unspecified contents. */
  float[] floats(int size) {
    float[][] h = holder.get();
    if (h[0].length < size) {
      h[0] = new float[size];
    }
    return h[0];
  }

  private static float[][] empty() {
    return new float[][] {new float[0]};
  }
}
