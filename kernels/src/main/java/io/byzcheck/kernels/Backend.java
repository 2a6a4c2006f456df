package io.byzcheck.kernels;

import io.byzcheck.kernels.internal.vectorization.VectorizationProvider;

/** Which kernels this JVM runs: the one thing about the implementation that callers (reports, logs) need. */
public final class Backend {
  private Backend() {}

  /** One line for logs and reports, e.g. "Vector API, 256-bit float (8 lanes)" or "scalar (…)". */
  public static String describe() {
    return VectorizationProvider.getInstance().describe();
  }
}
