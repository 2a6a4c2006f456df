package io.byzcheck.benchmarks;

import io.byzcheck.kernels.WorkerVectors;

/**
 * The rounds of the spectral rules (SMEA, CAF): the last f of n Gaussian workers offset by +5 in every coordinate.
 * Their references build d × d covariance matrices (d³ per eigenvalue problem), so they run at a small dimension of
 * their own ({@code dCov}, 16), and the SIMD speed-up is not read from them: {@code aggregate} is read against the
 * yardstick at the same (n, d).
 */
abstract class SpectralRounds {
  static final double FAR = 5;
  WorkerVectors x;
  float[] out;

  void fill(int n, int f, int d) {
    x = RoundState.gaussian(n, d, f, FAR);
    out = new float[d];
  }
}
