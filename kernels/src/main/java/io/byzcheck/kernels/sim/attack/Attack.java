package io.byzcheck.kernels.sim.attack;

/**
 * What the Byzantine workers send in one round. They are omniscient and collude: the context shows
 * every honest message of the round, what each Byzantine worker would have sent honestly, the
 * server's rule and its declared f (RESAM §2; Yin §3; Cao &amp; Lai eq. (8)).
 */
public interface Attack {

  /** Short name for tables, e.g. "ALIE", "sign flipping". */
  String name();

  /** Writes one message per Byzantine worker into {@code context.out()}. */
  void forge(AttackContext context);

  /** Rejects worker counts the attack is not defined for (e.g. ALIE's z when q ≥ m/2 + 1). */
  default void validate(int workers, int byzantine) {}

  /** Byzantine workers follow the protocol (on their own, possibly poisoned, data: label flipping). */
  static Attack honest() {
    return new Attack() {
      @Override
      public String name() {
        return "none (protocol followed)";
      }

      @Override
      public void forge(AttackContext context) {
        for (int b = 0; b < context.out().length; b++) {
          System.arraycopy(context.own()[b], 0, context.out()[b], 0, context.out()[b].length);
        }
      }
    };
  }
}
