package io.byzcheck.kernels.internal.vectorization;

import java.lang.management.ManagementFactory;

/**
 * The system properties that steer the backend, read once. Forcing a width or the scalar path is a test
 * facility: it is honoured only in test mode, {@code -Dbyzcheck.tests=true}, which the build's surefire
 * runs set; a production JVM always gets the CPU's preferred width (and a warning if it asked for
 * another). Kept apart from {@link VectorizationProvider} so that {@link PanamaSpecies} can read it while
 * the provider is still being created.
 */
final class VectorSettings {
  /** {@code true} in the test JVMs of the build (surefire's argLine): only then do the two below apply. */
  static final String TESTS_PROPERTY = "byzcheck.tests";
  /** 128 | 256 | 512: the float species width, so that tests run every width (slowly where the CPU lacks it). */
  static final String BITS_PROPERTY = "byzcheck.vector.bits";
  /** {@code true}: the scalar kernels, with the Vector API module present. */
  static final String DISABLE_PROPERTY = "byzcheck.vector.disable";

  static final boolean TEST_MODE = Boolean.getBoolean(TESTS_PROPERTY);
  /** The forced species width in bits, or 0 for the CPU's preferred width. */
  static final int FORCED_BITS = TEST_MODE ? forcedBits(System.getProperty(BITS_PROPERTY)) : 0;
  static final boolean DISABLED = TEST_MODE && Boolean.getBoolean(DISABLE_PROPERTY);
  /**
   * Whether a fused multiply-add is at least as fast as a multiply and an add, the test Lucene makes
   * ({@code Constants.HAS_FAST_VECTOR_FMA}): HotSpot must use FMA instructions ({@code -XX:+UseFMA}, on by
   * default where the CPU has them), on x86-64 (Intel since Haswell, AMD since Zen) or on ARM64 outside
   * macOS (Apple's cores issue FMA slower than separate operations). Elsewhere, and where the VM option
   * cannot be read, the kernels multiply and add: {@code Math.fma} without hardware support is emulated,
   * hundreds of times slower.
   */
  static final boolean FAST_FMA = fastFma();

  private VectorSettings() {}

  static int forcedBits(String v) {
    if (v == null || v.isBlank()) {
      return 0;
    }
    return switch (v.trim()) {
      case "128" -> 128;
      case "256" -> 256;
      case "512" -> 512;
      default -> throw new IllegalArgumentException(BITS_PROPERTY + " must be 128, 256 or 512, got '" + v + "'");
    };
  }

  /** The steering properties set on a JVM that is not in test mode (they are then ignored). */
  static String ignoredProperties() {
    if (TEST_MODE) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (String p : new String[] {BITS_PROPERTY, DISABLE_PROPERTY}) {
      if (System.getProperty(p) != null) {
        s.append(s.isEmpty() ? "" : ", ").append(p);
      }
    }
    return s.toString();
  }

  /** a·b + c, fused where that is fast ({@link #FAST_FMA}): the scalar kernels' multiply-add. */
  static float fma(float a, float b, float c) {
    return FAST_FMA ? Math.fma(a, b, c) : a * b + c;
  }

  private static boolean fastFma() {
    String arch = System.getProperty("os.arch", "");
    boolean fastArch = arch.equals("amd64") || arch.equals("x86_64")
        || (arch.equals("aarch64") && !System.getProperty("os.name", "").startsWith("Mac"));
    return fastArch && useFma();
  }

  private static boolean useFma() {
    try {
      var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot, or jdk.management absent: assume no fast FMA
    }
  }
}
