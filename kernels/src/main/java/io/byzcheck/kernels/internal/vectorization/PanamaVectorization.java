package io.byzcheck.kernels.internal.vectorization;

/** Creates the Vector API kernels; loaded only by {@link VectorizationProvider#panama()}. */
final class PanamaVectorization {
  private PanamaVectorization() {}

  static VectorizationProvider create() {
    int bits = PanamaSpecies.FLOAT.vectorBitSize();
    if (bits < 128) {
      throw new UnsupportedOperationException("the CPU's float vectors have " + bits
          + " bits, too few for the Vector API kernels to beat the scalar ones");
    }
    return new VectorizationProvider(new PanamaCoordinateKernels(), new PanamaGramKernel(),
        "Vector API, " + bits + "-bit float (" + PanamaSpecies.FLOAT.length() + " lanes)", true);
  }
}
