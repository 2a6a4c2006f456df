package io.byzcheck.kernels.vector;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides, once per JVM, whether the Vector API kernels run (Lucene's VectorizationProvider
 * pattern): the {@code jdk.incubator.vector} module must be in the boot layer, otherwise every
 * kernel falls back to its scalar path. No class that touches {@code jdk.incubator.vector} is
 * loaded unless this says so, because loading one without the module fails.
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code byzcheck.vector.bits} = 128 | 256 | 512 forces the float species width (tests run
 *       every width; widths the CPU lacks run correctly but slowly);</li>
 *   <li>{@code byzcheck.vector.disable} = true forces the scalar path with the module present.</li>
 * </ul>
 */
public final class Vectorization {
  public static final String BITS_PROPERTY = "byzcheck.vector.bits";
  public static final String DISABLE_PROPERTY = "byzcheck.vector.disable";

  private static final boolean ENABLED = detect();
  private static final int FORCED_BITS = forcedBits();

  private Vectorization() {}

  private static boolean detect() {
    if (Boolean.getBoolean(DISABLE_PROPERTY)) {
      return false;
    }
    Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
    return module.isPresent();
  }

  private static int forcedBits() {
    String v = System.getProperty(BITS_PROPERTY);
    if (v == null || v.isBlank()) {
      return 0;
    }
    return switch (v.trim()) {
      case "128" -> 128;
      case "256" -> 256;
      case "512" -> 512;
      default -> throw new IllegalArgumentException(
          BITS_PROPERTY + " must be 128, 256 or 512, got '" + v + "'");
    };
  }

  /** True when the Vector API kernels are in use. */
  public static boolean enabled() {
    return ENABLED;
  }

  /** The forced species width in bits, or 0 for the CPU's preferred width. */
  public static int forcedBitsOrZero() {
    return FORCED_BITS;
  }

  /** One line for logs and reports, e.g. "Vector API, 256-bit float (8 lanes)" or "scalar". */
  public static String describe() {
    if (!ENABLED) {
      return "scalar (jdk.incubator.vector not present or disabled)";
    }
    return instantiate("io.byzcheck.kernels.vector.PanamaSpecies$Description", Supplier.class).get().toString();
  }

  /**
   * Creates the Panama implementation {@code panamaClass} (a public no-arg class implementing
   * {@code type}) when vectorization is enabled, the scalar one otherwise. Reflection keeps the
   * Panama class unloaded on JVMs without the module.
   */
  public static <T> T select(String panamaClass, Class<T> type, Supplier<? extends T> scalar) {
    return ENABLED ? instantiate(panamaClass, type) : scalar.get();
  }

  private static <T> T instantiate(String className, Class<T> type) {
    try {
      return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load vectorized kernel " + className, e);
    }
  }
}
