package io.byzcheck.theory.caolai;

import static io.byzcheck.theory.RateShape.exps;

import io.byzcheck.theory.Admissibility;
import io.byzcheck.theory.Bound;
import io.byzcheck.theory.Citation;
import io.byzcheck.theory.Discrepancy;
import io.byzcheck.theory.RateShape.Term;
import io.byzcheck.theory.RateShape;
import io.byzcheck.theory.TheoryValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-step recursions of Cao &amp; Lai 2020:
 * <ul>
 *   <li>Theorem 1 (CAO-T1), MNM with q &lt; m/2: ‖θ_t − θ*‖ ≤ ρ‖θ_{t−1} − θ*‖ + ηL‖θ_{t−1} − θ*‖²/(2h)
 *       + 4C_α²Δ₃Δ₁/(hh′) + η·4C_αΔ₁/h, ρ = 1 − η + η·8C_α²Δ₃Δ₂/(hh′) + η·8C_αΔ₂/h + η·C_αΔ₃M/(hh′) (34),
 *       under Δ₂ ≤ h/(24C_α), Δ₃ ≤ hh′/(3MC_α), 0 &lt; η ≤ 1, α ∈ (q/m, 1/2);</li>
 *   <li>Theorem 2 (CAO-T2), CNM with any q: ‖θ_t − θ*‖ ≤ (L/(2h))‖θ_{t−1} − θ*‖² + γ₁‖θ_{t−1} − θ*‖ + γ₂,
 *       γ₁ = (8Δ₂ + ξ₁(8Δ₂ + M))(1+ξ₂)/(h′+μ) + ξ₂M/(h′+μ) + Δ₄M/h, γ₂ = 4Δ₁(1+ξ₁)(1+ξ₂)/(h′+μ),
 *       Δ₄ = μ/(h+μ) + 2Δ₃/(h+μ−Δ₃) (43); it holds under the stated conditions, and converges when also
 *       γ₁ &lt; 1 ({@link #cnmContraction}).</li>
 * </ul>
 * The Δ's are the paper's concentration radii (Proposition 1, (29), (44)); they are inputs here. Both are R
 * statements: "converges to a neighbourhood" with a gap whose shape in the sample sizes {@link #mnmGapShape}
 * and {@link #cnmGapShape} give.
 */
public final class NewtonConvergence {
  public static final Citation T1 = new Citation("CAO-T1", "CAO", "§IV-A, Theorem 1, (33)–(34), (39)");
  public static final Citation T2 = new Citation("CAO-T2", "CAO", "§IV-B, Theorem 2, (43)–(47), proof (48)–(52)");

  public static final Discrepancy DELTA4 = new Discrepancy("CAO-T2",
      "Theorem 2's statement: Δ₄ = μ/(h+μ) + 2Δ₃/(h+μ−Δ₂)",
      "Δ₄ = μ/(h+μ) + 2Δ₃/(h+μ−Δ₃), as in (43) and in the proof after (48)",
      "Lemma 4 gives 2β/(h+μ−β) with β the bound on ‖H₀ − H‖₂, which Proposition 3 sets to Δ₃; Δ₂ (a "
          + "gradient radius) has no business in that denominator");

  public static final Discrepancy ETA_GAMMA2 = new Discrepancy("CAO-T2",
      "proof of Theorem 2, (52): '… + γ₁‖θ_{t−1} − θ*‖ + ηγ₂'; statement (45): '+ γ₂'",
      "+ γ₂ (CNM's update θ_t = θ_{t−1} − G has no step size, i.e. η = 1)",
      "Algorithm 3 step 7 has no η, and (52)'s first line uses θ_t = θ_{t−1} − G; the η is left over from MNM");

  public static final Discrepancy GAMMA1 = new Discrepancy("CAO-T2",
      "after (52): choosing ξ₁, ξ₂ < (h′+μ)/(4M) and Δ₂ < (h′+μ)/(40(1+ξ₂)) 'we can have γ₁ < 1'",
      "γ₁ < 1 as a separate predicate (cnmContraction names it); the one-step bound (45) does not need it",
      "those choices bound the first two parts of γ₁ by about 0.8 but leave Δ₄M/h free: at h = h′ = 1, M = 10, "
          + "μ = 1, ξ₁ = ξ₂ = Δ₂ = Δ₃ = 0 every stated condition holds and γ₁ = (μ/(h+μ))·M/h = 5; γ₁ < 1 "
          + "also needs μ and Δ₃ small against h/M");

  public static final Discrepancy MNM_GAP = new Discrepancy("CAO-T1",
      "after Theorem 1: 'The gap is ∝ C_α/|S_i|'",
      "the gap's shape from (33): C_α²/|S_i| (from 4C_α²Δ₃Δ₁/(hh′)) plus C_α/√|S_i| (from η·4C_αΔ₁/h), "
          + "Δ₁, Δ₃ ∝ |S_i|^{−1/2}; for large |S_i| it is ∝ C_α/√|S_i|",
      "Δ₁ = √2σ₁√((d log 6 + log(6/δ₃))/|S_i|) is of order |S_i|^{−1/2}, so the η·4C_αΔ₁/h term dominates the "
          + "fixed point; only the Δ₃Δ₁ product is of order 1/|S_i|");

  public static final Discrepancy ETA_DROPPED = new Discrepancy("CAO-T1",
      "statement (33): '… + (4/(hh′))C_α²Δ₃Δ₁ + η(4/h)C_αΔ₁'; its proof's last line (38): '… + η(4/(hh′))C_α²Δ₃Δ₁ "
          + "+ η(4/h)C_αΔ₁'",
      "(33) as printed, without the η",
      "(38) multiplies the whole update error ‖Z‖ + ‖H⁻¹J‖ of (36) by η (θ_t = θ_{t−1} − ηG), so the η belongs "
          + "to both terms; since 0 < η ≤ 1 the printed term is the larger one, so (33) as printed is implied by "
          + "(38) and stays a valid, looser, bound");

  private NewtonConvergence() {}

  /** Theorem 1's hypotheses, each named. */
  public static Admissibility mnmConditions(double eta, double h, double hPrime, double m, int q, int machines,
      double alpha, double delta2, double delta3) {
    var b = Admissibility.of(T1)
        .require("0 < η ≤ 1", eta > 0 && eta <= 1, "η = " + eta)
        .require("0 < h ≤ M", h > 0 && h <= m && Double.isFinite(m), "h = " + h + ", M = " + m)
        .require("h′ > 0", hPrime > 0 && Double.isFinite(hPrime), "h′ = " + hPrime)
        .require("α ∈ (q/m, 1/2)", machines >= 1 && alpha > (double) q / machines && alpha < 0.5,
            "α = " + alpha + ", q/m = " + (double) q / machines)
        .require("Δ₂, Δ₃ ≥ 0", delta2 >= 0 && delta3 >= 0, "Δ₂ = " + delta2 + ", Δ₃ = " + delta3);
    if (b.build().admissible()) {
      double c = GeometricMedianConstant.cAlpha(alpha).value();
      b.require("Δ₂ ≤ h/(24C_α)", delta2 <= h / (24 * c), "Δ₂ = " + delta2 + ", h/(24C_α) = " + h / (24 * c))
          .require("Δ₃ ≤ hh′/(3MC_α)", delta3 <= h * hPrime / (3 * m * c),
              "Δ₃ = " + delta3 + ", hh′/(3MC_α) = " + h * hPrime / (3 * m * c));
    }
    return b.build();
  }

  /** (34): ρ = 1 − η + η·8C_α²Δ₃Δ₂/(hh′) + η·8C_αΔ₂/h + η·C_αΔ₃M/(hh′); &lt; 1 under Theorem 1's conditions (39). */
  public static double rho(double eta, double h, double hPrime, double m, int q, int machines, double alpha,
      double delta2, double delta3) {
    mnmConditions(eta, h, hPrime, m, q, machines, alpha, delta2, delta3).orThrow();
    double c = GeometricMedianConstant.cAlpha(alpha).value();
    return 1 - eta + eta * 8 * c * c * delta3 * delta2 / (h * hPrime) + eta * 8 * c * delta2 / h
        + eta * c * delta3 * m / (h * hPrime);
  }

  /** (33) for one step from error e = ‖θ_{t−1} − θ*‖, with Hessian-Lipschitz L and radius Δ₁. */
  public static Bound mnmStep(double e, double eta, double h, double hPrime, double m, double hessianLipschitz,
      int q, int machines, double alpha, double delta1, double delta2, double delta3) {
    double rho = rho(eta, h, hPrime, m, q, machines, alpha, delta2, delta3);
    requireNonNegative(e, hessianLipschitz, delta1, T1);
    double c = GeometricMedianConstant.cAlpha(alpha).value();
    return Bound.of(rho * e + eta * hessianLipschitz * e * e / (2 * h) + 4 * c * c * delta3 * delta1 / (h * hPrime)
        + eta * 4 * c * delta1 / h, T1, "q < m/2", "probability ≥ 1 − e^{−mD(α−q/m‖δ₃)} − e^{−mD(α−q/m‖δ₄)}");
  }

  /** The MNM gap's shape in |S_i| (variables Calpha, S): C_α²/|S_i| + C_α/√|S_i|. */
  public static RateShape mnmGapShape() {
    return RateShape.of(T1,
        Term.of("C_α²/|S_i|", exps("Calpha", 2, "S", -1)),
        Term.of("C_α/√|S_i|", exps("Calpha", 1, "S", -0.5)));
  }

  /** (43): Δ₄ = μ/(h+μ) + 2Δ₃/(h+μ−Δ₃), needing Δ₃ &lt; h(h+μ)/(3h+2μ) (Lemma 4, Proposition 3). */
  public static double delta4(double mu, double h, double delta3) {
    Admissibility.of(T2)
        .require("h > 0", h > 0, "h = " + h)
        .require("μ ≥ 0", mu >= 0, "μ = " + mu)
        .require("0 ≤ Δ₃ < h(h+μ)/(3h+2μ)", delta3 >= 0 && delta3 < h * (h + mu) / (3 * h + 2 * mu),
            "Δ₃ = " + delta3 + ", h(h+μ)/(3h+2μ) = " + h * (h + mu) / (3 * h + 2 * mu))
        .orThrow();
    return mu / (h + mu) + 2 * delta3 / (h + mu - delta3);
  }

  /** (46): γ₁. */
  public static double gamma1(double h, double hPrime, double m, double mu, double xi1, double xi2, double delta2,
      double delta3) {
    double d4 = delta4(mu, h, delta3);
    return (8 * delta2 + xi1 * (8 * delta2 + m)) * (1 + xi2) / (hPrime + mu) + xi2 * m / (hPrime + mu) + d4 * m / h;
  }

  /** (47): γ₂ = (4Δ₁ + 4ξ₁Δ₁)(1+ξ₂)/(h′+μ). */
  public static double gamma2(double hPrime, double mu, double xi1, double xi2, double delta1) {
    TheoryValidation.checkPositive(T2, "h′ + μ", hPrime + mu);
    TheoryValidation.checkNonNegative(T2, "Δ₁", delta1);
    TheoryValidation.checkNonNegative(T2, "ξ₁", xi1);
    TheoryValidation.checkNonNegative(T2, "ξ₂", xi2);
    return (4 * delta1 + xi1 * 4 * delta1) * (1 + xi2) / (hPrime + mu);
  }

  /** Theorem 2's stated conditions, under which the one-step bound (45) holds (whatever γ₁ is). */
  public static Admissibility cnmConditions(double h, double hPrime, double m, double mu, double xi1, double xi2,
      double delta2, double delta3) {
    double lim = (hPrime + mu) / (4 * m);
    var b = Admissibility.of(T2)
        .require("0 < h ≤ M, h′ > 0", h > 0 && h <= m && hPrime > 0, "h = " + h + ", M = " + m + ", h′ = " + hPrime)
        .require("μ ≥ 0", mu >= 0, "μ = " + mu)
        .require("0 ≤ ξ₁ < (h′+μ)/(4M)", xi1 >= 0 && xi1 < lim, "ξ₁ = " + xi1 + ", (h′+μ)/(4M) = " + lim)
        .require("0 ≤ ξ₂ < (h′+μ)/(4M)", xi2 >= 0 && xi2 < lim, "ξ₂ = " + xi2 + ", (h′+μ)/(4M) = " + lim)
        .require("0 ≤ Δ₂ < (h′+μ)/(40(1+ξ₂))", delta2 >= 0 && delta2 < (hPrime + mu) / (40 * (1 + xi2)),
            "Δ₂ = " + delta2 + ", bound " + (hPrime + mu) / (40 * (1 + xi2)))
        .require("0 ≤ Δ₃ < h(h+μ)/(3h+2μ)", delta3 >= 0 && delta3 < h * (h + mu) / (3 * h + 2 * mu),
            "Δ₃ = " + delta3);
    return b.build();
  }

  /**
   * Whether (45) contracts to a neighbourhood: Theorem 2's stated conditions and γ₁ &lt; 1, which the paper
   * claims they imply but which needs more (see {@link #GAMMA1}).
   */
  public static Admissibility cnmContraction(double h, double hPrime, double m, double mu, double xi1, double xi2,
      double delta2, double delta3) {
    Admissibility stated = cnmConditions(h, hPrime, m, mu, xi1, xi2, delta2, delta3);
    if (!stated.admissible()) {
      return stated;
    }
    double g1 = gamma1(h, hPrime, m, mu, xi1, xi2, delta2, delta3);
    List<Admissibility.Condition> all = new ArrayList<>(stated.conditions());
    all.add(new Admissibility.Condition("γ₁ < 1", g1 < 1, "γ₁ = " + g1));
    return new Admissibility(T2, all);
  }

  /** (45) for one step from e: (L/(2h))e² + γ₁e + γ₂, under the stated conditions only (γ₁ ≥ 1 allowed). */
  public static Bound cnmStep(double e, double h, double hPrime, double m, double mu, double hessianLipschitz,
      double xi1, double xi2, double delta1, double delta2, double delta3) {
    cnmConditions(h, hPrime, m, mu, xi1, xi2, delta2, delta3).orThrow();
    requireNonNegative(e, hessianLipschitz, delta1, T2);
    return Bound.of(hessianLipschitz / (2 * h) * e * e + gamma1(h, hPrime, m, mu, xi1, xi2, delta2, delta3) * e
        + gamma2(hPrime, mu, xi1, xi2, delta1), T2, "any number of attackers", "probability ≥ 1 − δ₅ − δ₂");
  }

  /** The CNM gap's shape: γ₂ ∝ Δ₁ ∝ |S₀|^{−1/2} (variable S0). */
  public static RateShape cnmGapShape() {
    return RateShape.of(T2, Term.of("1/√|S₀|", exps("S0", -0.5)));
  }

  private static void requireNonNegative(double e, double l, double delta1, Citation c) {
    Admissibility.of(c)
        .require("‖θ_{t−1} − θ*‖ ≥ 0", e >= 0 && Double.isFinite(e), "‖θ_{t−1} − θ*‖ = " + e)
        .require("L ≥ 0", l >= 0 && Double.isFinite(l), "L = " + l)
        .require("Δ₁ ≥ 0", delta1 >= 0 && Double.isFinite(delta1), "Δ₁ = " + delta1)
        .orThrow();
  }
}
