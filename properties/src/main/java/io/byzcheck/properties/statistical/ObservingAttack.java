package io.byzcheck.properties.statistical;

import io.byzcheck.kernels.sim.attack.Attack;
import io.byzcheck.kernels.sim.attack.AttackContext;
import java.util.function.BiConsumer;

/**
 * Wraps an attack to see each round's honest messages (in worker order, before the float32 wire) — how the
 * momentum checks read the honest workers' m_t⁽ⁱ⁾ without touching the optimizer. Needs q ≥ 1 (the session
 * consults the attack only when there are Byzantine workers).
 */
record ObservingAttack(Attack inner, BiConsumer<Integer, double[][]> honestMessages) implements Attack {
  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void validate(int workers, int byzantine) {
    if (byzantine < 1) {
      throw new IllegalArgumentException("observing the honest messages needs at least one Byzantine worker");
    }
    inner.validate(workers, byzantine);
  }

  @Override
  public void forge(AttackContext context) {
    honestMessages.accept(context.round(), context.honest());
    inner.forge(context);
  }
}
