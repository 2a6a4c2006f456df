package io.byzcheck.kernels;

/**
 * An aggregation rule F: (ℝᵈ)ⁿ → ℝᵈ that tolerates up to f Byzantine inputs (RESAM Def. 2;
 * Yin §3; Cao &amp; Lai §3).
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>the caller's input is never modified;</li>
 *   <li>the result is written into {@code out} (length d), so that steady-state use allocates
 *       nothing;</li>
 *   <li>a worker with a NaN or infinite coordinate is provably faulty: it is excluded and counted
 *       against f ({@link FiniteWorkers}); more such workers than f is a
 *       {@link ByzantineInputException} naming them;</li>
 *   <li>parameter constraints (f &lt; n/2, n &gt; 2f + 2 for Krum, …) are checked with a message
 *       that says which constraint failed;</li>
 *   <li>the output is finite whenever the screened input is.</li>
 * </ul>
 */
public interface AggregationRule {

  /** Short name as used in the papers' tables, e.g. "CWMed", "Krum*", "MDA". */
  String name();

  /**
   * Aggregates the n vectors of {@code x}, at most f of which are Byzantine, into {@code out}.
   *
   * @throws IllegalArgumentException if f is out of range for this rule, or out.length ≠ d
   * @throws ByzantineInputException if more than f workers sent non-finite coordinates (out may then
   *     hold a partial result: rules that check finiteness inside their first pass have begun writing it)
   */
  void aggregate(WorkerVectors x, int f, float[] out);

  /** Allocating convenience form of {@link #aggregate(WorkerVectors, int, float[])}. */
  default float[] aggregate(WorkerVectors x, int f) {
    float[] out = new float[x.d()];
    aggregate(x, f, out);
    return out;
  }
}
