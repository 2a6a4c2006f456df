package io.byzcheck.kernels.internal.vectorization;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every double a Gram kernel returns from its lane-summing passes (the Gram, the ranking Gram, one squared
 * distances, the squared norms) on fixed seeded inputs, as hex bit patterns, one line per pass and case. Run
 * as a program it prints them for its JVM's kernel, so that {@link FixedLaneOrderTest} can compare an
 * interpreted JVM's results with a compiled one's.
 */
final class LaneOrderProbe {
  /** (n, d): one block and its tail, several blocks, a tile's padding rows, fewer coordinates than lanes. */
  static final int[][] CASES = {{5, 1}, {3, 37}, {8, 1000}, {13, 600}, {6, 1537}};
  private static final long SEED = 20261202L;

  private LaneOrderProbe() {}

  /**
   * Prints the lines for this JVM's kernel. With {@code --until-compiled} it first repeats the probe until
   * C2 has compiled every kernel method that sums (HotSpot's code list: level 4, in use), at most
   * {@value #MAX_ROUNDS} rounds, and exits with status 3 if it never did; meant for a JVM where those
   * methods are not inlined, so that each has code of its own to find.
   */
  public static void main(String[] args) throws Exception {
    GramKernel kernel = VectorizationProvider.getInstance().gramKernel();
    if (args.length > 0 && args[0].equals("--until-compiled")) {
      int rounds = 0;
      List<String> missing = notCompiledByC2(summingMethods(kernel));
      while (!missing.isEmpty() && rounds < MAX_ROUNDS) {
        results(kernel);
        rounds++;
        missing = notCompiledByC2(summingMethods(kernel));
      }
      System.err.println("probe rounds before C2 had compiled every summing method: " + rounds);
      if (!missing.isEmpty()) {
        System.err.println("not compiled by C2: " + missing);
        System.exit(3);
      }
    }
    for (String line : results(kernel)) {
      System.out.println(line);
    }
  }

  private static final int MAX_ROUNDS = 100_000;

  /** The methods of the kernel's class whose arithmetic the probe's results come from. */
  static List<String> summingMethods(GramKernel kernel) {
    return kernel.getClass() == ScalarGramKernel.class
        ? List.of("ScalarGramKernel.gram(", "ScalarGramKernel.squaredNorms(", "GramKernel.squaredDistance(")
        : List.of("PanamaGramKernel.gram(", "PanamaGramKernel.floatGram(", "PanamaGramKernel.tile(",
            "PanamaGramKernel.diagonalTile(", "PanamaGramKernel.floatTile(", "PanamaGramKernel.floatDiagonalTile(",
            "PanamaGramKernel.floatRowTile(", "PanamaGramKernel.floatDot(", "PanamaGramKernel.pair(",
            "PanamaGramKernel.butterfly(",
            "PanamaGramKernel.laneSum(", "PanamaGramKernel.squaredDistance(", "PanamaGramKernel.squaredNorms(");
  }

  /** The methods without live C2 code (level 4, in use), from HotSpot's {@code Compiler.codelist}. */
  static List<String> notCompiledByC2(List<String> methods) throws Exception {
    String list = (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
        new Object[] {null}, new String[] {String[].class.getName()});
    List<String> missing = new ArrayList<>(methods);
    for (String line : list.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length > 3 && f[1].equals("4") && f[2].equals("0")) {
        missing.removeIf(m -> f[3].contains("." + m));
      }
    }
    return missing;
  }

  /**
   * n rows of dimension d whose sums depend on their order: Gaussian values scaled by 10⁰ … 10⁷ at random, so
   * that summing the same terms in another order changes the last bits.
   */
  static float[][] rows(int n, int d) {
    SplittableRandom r = new SplittableRandom(SEED ^ (31L * n + d));
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(8)));
      }
    }
    return x;
  }

  /** An odd number of the rows, so that the block centre is one of their values (no halving to model). */
  static float[][] sample(float[][] rows) {
    return java.util.Arrays.copyOf(rows, rows.length - (1 - rows.length % 2));
  }

  static List<String> results(GramKernel kernel) {
    List<String> out = new ArrayList<>();
    for (int[] c : CASES) {
      float[][] x = rows(c[0], c[1]);
      double[][] g = new double[x.length][x.length];
      kernel.gram(x, sample(x), g);
      out.add(line("gram", c, g));
      kernel.floatGram(x, sample(x), g);
      out.add(line("floatGram", c, g));
      double[] norms = new double[x.length];
      kernel.squaredNorms(x, norms);
      out.add(line("squaredNorms", c, new double[][] {norms}));
      double[] distances = new double[x.length - 1];
      for (int i = 0; i + 1 < x.length; i++) {
        distances[i] = kernel.squaredDistance(x[i], x[i + 1]);
      }
      out.add(line("squaredDistance", c, new double[][] {distances}));
    }
    return out;
  }

  private static String line(String what, int[] c, double[][] values) {
    StringBuilder s = new StringBuilder(what).append(" n=").append(c[0]).append(" d=").append(c[1]).append(':');
    for (double[] row : values) {
      for (double v : row) {
        s.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
      }
    }
    return s.toString();
  }
}
