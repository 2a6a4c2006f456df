package io.byzcheck.kernels.sim.attack;

/**
 * Mimic (Karimireddy et al. 2022): every Byzantine worker repeats one honest worker's message, which
 * over-weights that worker's data without ever looking like an outlier.
 *
 * @param honestIndex which honest message to copy (index into the round's honest messages)
 */
public record Mimic(int honestIndex) implements Attack {
  public Mimic {
    if (honestIndex < 0) {
      throw new IllegalArgumentException("honest index must be ≥ 0, got " + honestIndex);
    }
  }

  @Override
  public String name() {
    return "mimic";
  }

  @Override
  public void validate(int workers, int byzantine) {
    if (honestIndex >= workers - byzantine) {
      throw new IllegalArgumentException("mimic copies honest worker " + honestIndex + " but there are only "
          + (workers - byzantine) + " honest workers");
    }
  }

  @Override
  public void forge(AttackContext context) {
    context.sendAll(context.honest()[honestIndex]);
  }
}
