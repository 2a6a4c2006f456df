package io.byzcheck.kernels.internal.vectorization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * The one place the kernels are chosen (Lucene's {@code VectorizationProvider}): once per JVM, the Vector
 * API kernels if {@code jdk.incubator.vector} is in the boot layer, else the scalar ones, with the reason
 * and the fix logged. The rules reach every coordinate-wise and Gram kernel through {@link #getInstance()}.
 *
 * <p>No class that touches {@code jdk.incubator.vector} is loaded unless the module is present (loading
 * one without it fails): the Panama kernels are created by one reflective step, {@link #panama()}.
 * In test mode ({@code -Dbyzcheck.tests=true}, set by the build's surefire runs) the properties
 * {@code byzcheck.vector.bits} = 128 | 256 | 512 and {@code byzcheck.vector.disable} = true force a width or
 * the scalar kernels ({@link VectorSettings}); outside it they are ignored with a warning.
 */
public final class VectorizationProvider {
  private static final System.Logger LOG = System.getLogger("io.byzcheck.kernels");
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final VectorizationProvider INSTANCE = lookup();
  /**
   * A provider that replaces {@link #INSTANCE} on one thread for the length of one call (the parallel layer's
   * kernels, {@link #enter}); null outside such a call. A ThreadLocal rather than a ScopedValue so that entering
   * allocates nothing after the thread's first call.
   */
  private static final ThreadLocal<VectorizationProvider> SCOPED = new ThreadLocal<>();

  private final CoordinateKernels coordinateKernels;
  private final GramKernel gramKernel;
  private final String description;
  private final boolean vectorized;

  VectorizationProvider(CoordinateKernels coordinateKernels, GramKernel gramKernel, String description,
      boolean vectorized) {
    this.coordinateKernels = coordinateKernels;
    this.gramKernel = gramKernel;
    this.description = description;
    this.vectorized = vectorized;
  }

  /**
   * The kernels of this thread: the JVM's ({@link #base()}), or those {@link #enter} installed for the current call
   * (ParallelAggregation's split kernels). Look them up per call, do not keep them in a field: a rule that keeps
   * them is never split, and one made inside a split call would keep the split kernels beyond it.
   */
  public static VectorizationProvider getInstance() {
    VectorizationProvider scoped = SCOPED.get();
    return scoped != null ? scoped : INSTANCE;
  }

  /** The kernels of this JVM, whatever the current thread has entered. */
  public static VectorizationProvider base() {
    return INSTANCE;
  }

  /**
   * Makes {@code p} what {@link #getInstance()} returns on the current thread until {@link #exit} with the
   * value returned here (the previously entered provider, or null), in a finally block.
   */
  public static VectorizationProvider enter(VectorizationProvider p) {
    VectorizationProvider previous = SCOPED.get();
    SCOPED.set(p);
    return previous;
  }

  /** Undoes {@link #enter}: {@code previous} is what it returned. */
  public static void exit(VectorizationProvider previous) {
    SCOPED.set(previous);
  }

  /** These kernels' description with other kernels (that wrap these, e.g. to split their coordinates). */
  public VectorizationProvider withKernels(CoordinateKernels coordinate, GramKernel gram, String how) {
    return new VectorizationProvider(coordinate, gram, description + ", " + how, vectorized);
  }

  public CoordinateKernels coordinateKernels() {
    return coordinateKernels;
  }

  public GramKernel gramKernel() {
    return gramKernel;
  }

  /** One line for logs and reports, e.g. "Vector API, 256-bit float (8 lanes)" or "scalar (…)". */
  public String describe() {
    return description;
  }

  /** True for the Vector API kernels. */
  public boolean vectorized() {
    return vectorized;
  }

  /** The portable kernels (also what every JVM can run, for tests that compare the two in one JVM). */
  static VectorizationProvider scalar(String why) {
    return new VectorizationProvider(new ScalarCoordinateKernels(), new ScalarGramKernel(),
        "scalar (" + why + ")", false);
  }

  private static VectorizationProvider lookup() {
    String ignored = VectorSettings.ignoredProperties();
    if (!ignored.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "ignoring " + ignored + ": forcing the kernels is for tests only (-D"
          + VectorSettings.TESTS_PROPERTY + "=true)");
    }
    if (VectorSettings.DISABLED) {
      return chosen(scalar("disabled by " + VectorSettings.DISABLE_PROPERTY), System.Logger.Level.INFO);
    }
    Optional<Module> vector = ModuleLayer.boot().findModule(VECTOR_MODULE);
    if (vector.isEmpty()) {
      return chosen(scalar(VECTOR_MODULE + " not present: add --add-modules " + VECTOR_MODULE
          + " to the java command for the Vector API kernels"), System.Logger.Level.WARNING);
    }
    // A named io.byzcheck.kernels reads the module only if something resolved it; the module may add the edge itself.
    VectorizationProvider.class.getModule().addReads(vector.get());
    try {
      return chosen(panama(), System.Logger.Level.INFO);
    } catch (UnsupportedOperationException e) {
      return chosen(scalar(e.getMessage()), System.Logger.Level.WARNING);
    }
  }

  private static VectorizationProvider chosen(VectorizationProvider p, System.Logger.Level level) {
    LOG.log(level, "ByzCheck kernels: " + p.description + (VectorSettings.FAST_FMA ? "" : "; multiply-add instead of FMA"));
    return p;
  }

  /**
   * The Vector API kernels, from {@code PanamaVectorization.create()} looked up by name: the one reflective
   * step, which keeps every class that touches {@code jdk.incubator.vector} unloaded on JVMs without it.
   * Only call when the module is present.
   *
   * @throws UnsupportedOperationException with the reason, if this JVM's vectors are too short to pay
   */
  static VectorizationProvider panama() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> c = lookup.findClass(VectorizationProvider.class.getPackageName() + ".PanamaVectorization");
      MethodHandle create = lookup.findStatic(c, "create", MethodType.methodType(VectorizationProvider.class));
      return (VectorizationProvider) create.invoke();
    } catch (UnsupportedOperationException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot load the Vector API kernels", e);
    }
  }
}
