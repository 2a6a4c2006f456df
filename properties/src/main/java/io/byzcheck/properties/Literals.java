package io.byzcheck.properties;

/** Inputs printed as Java source that a test can paste. */
public final class Literals {
  private Literals() {}

  /** {@code new float[][] {{1.0f, 2.5f}, {…}}} with every value exactly as the rule saw it. */
  public static String floatMatrix(double[][] x) {
    StringBuilder sb = new StringBuilder("new float[][] {");
    for (int i = 0; i < x.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('{');
      for (int k = 0; k < x[i].length; k++) {
        sb.append(k == 0 ? "" : ", ").append(Float.toString((float) x[i][k])).append('f');
      }
      sb.append('}');
    }
    return sb.append('}').toString();
  }
}
