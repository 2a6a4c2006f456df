package io.byzcheck.theory;

import java.util.List;

/** The list behind {@link TheoryCatalog}: one entry per implemented THEORY.md ID. */
final class StatementRegistry {
  private StatementRegistry() {}

  private static Statement s(String id, char kind, String paper, String locator, String summary, String code) {
    return new Statement(id, kind, new Citation(id, paper, locator), summary, code);
  }

  static final List<Statement> ALL = List.of(
      s("RES-T1-MDA", 'D', "RES", "Table 1; Prop. 3", "MDA: λ = 2f/(n−f)", "resam.ResilienceCoefficient#minimumDiameterAveraging"),
      s("RES-T1-CWTM", 'D', "RES", "Table 1; Prop. 4", "CWTM: λ = f/(n−f)·Δ", "resam.ResilienceCoefficient#coordinateWiseTrimmedMean"),
      s("RES-T1-MEAMED", 'D', "RES", "Table 1; Prop. 5", "MeaMed: λ = 2f/(n−f)·Δ", "resam.ResilienceCoefficient#meanAroundMedian"),
      s("RES-T1-KRUM", 'D', "RES", "Table 1; Prop. 6", "Krum*: λ = 1+√((n−f)/(n−2f))", "resam.ResilienceCoefficient#krumStar"),
      s("RES-P6-MULTIKRUM", 'D', "RES", "Prop. 6", "Multi-Krum*_q: λ = (1+√((n−f)/(n−2f)))·min{1,(n−q)/(n−f)}", "resam.ResilienceCoefficient#multiKrumStar"),
      s("RES-T1-GM", 'D', "RES", "Table 1; Prop. 7", "GM: λ = 1+(n−f)/√((n−2f)n)", "resam.ResilienceCoefficient#geometricMedian"),
      s("RES-T1-CWMED", 'D', "RES", "Table 1; Prop. 8", "CWMed: λ = n/(2(n−f))·Δ", "resam.ResilienceCoefficient#coordinateWiseMedian"),
      s("RES-P2-LB", 'L', "RES", "Table 1; Prop. 2", "lower bound λ ≥ f/(n−f)", "resam.ResilienceCoefficient#lowerBound"),
      s("CAO-L1", 'D', "CAO", "Lemma 1", "C_α = 2(1−α)/(1−2α)", "caolai.GeometricMedianConstant#cAlpha"),
      s("YIN-EQ4", 'V', "YIN", "§4.1, equation (4)", "C_ε = √(2π)·exp(Φ⁻¹(1−ε)²/2)", "yin.RobustnessConstant#cEpsilon"),
      s("ALI-ALG1", 'V', "ALI", "Algorithm 1; Theorems 3.2–3.3",
          "C = log(16mT/δ), 𝔗_A = 4D𝒱√(TC), 𝔗_B = 4𝒱√(TC), 2𝒱 median, 4𝒱 filter; B_i a vector",
          "alistarh.ByzantineSgdThresholds#of"),
      s("RES-T1", 'E', "RES", "Theorem 1", "a₀, a₁ = 6912L, a₂ = 288L, γ, β = √(1−24γL), T-condition, bound on E‖∇Q(θ̂)‖²",
          "resam.ConvergenceTheorem1#of"),
      s("RES-L1", 'E', "RES", "Lemma 1 (Appendix B)", "drift E‖m_t − m̄_t‖² bound", "resam.ConvergenceTheorem1#driftBound"),
      s("RES-C1", 'R', "RES", "Corollary 1; Table 2", "ε = O(√((σ²/T)(1/(n−f) + κ))), κ per rule, shape",
          "resam.ConvergenceRate#kappa/#shape"),
      s("ALI-L31", 'E', "ALI", "Lemma 3.1", "|Error₁| and Error₂ bounds", "alistarh.ByzantineSgdBounds#error1/#error2"),
      s("ALI-T32", 'E', "ALI", "Theorem 3.2", "smooth case, η ≤ 1/(2L)", "alistarh.ByzantineSgdBounds#smooth"),
      s("ALI-T33", 'E', "ALI", "Theorem 3.3", "Lipschitz case (+2ηG²)", "alistarh.ByzantineSgdBounds#lipschitz"),
      // Yin et al.
      s("YIN-DEF1", 'V', "YIN", "§3, Definition 1", "coordinate-wise median (midpoint for even m)",
          "yin.Median#of"),
      s("YIN-DEF2", 'V', "YIN", "§3, Definition 2", "β-trimmed mean, normalisation 1/((1−2β)m), βm ∈ ℕ",
          "yin.TrimmedMean#of/#normalisation"),
      s("YIN-P1", 'E', "YIN", "Proposition 1; Appendix A.1", "Var = (d−1)‖w−w*‖² + dσ², skewness ≤ 480 (proof: √480)",
          "yin.RegressionGradientMoments#rademacherVariance/#rademacherSkewness"),
      s("YIN-A2", 'E', "YIN", "Appendix A.2, Proposition 3", "Var = (d+1)‖w−w*‖² + dσ², skewness ≤ 429",
          "yin.RegressionGradientMoments#gaussianVariance/#gaussianSkewness"),
      s("YIN-P2", 'E', "YIN", "Proposition 2; Appendix A.3", "∂ₖf is √(σ²+‖w−w*‖²)-sub-exponential",
          "yin.RegressionGradientMoments#subExponentialParameter"),
      s("YIN-EQ2", 'V', "YIN", "Theorem 1, condition (2)", "α + √(d log(1+nmL̂D)/(m(1−α))) + 0.4748S/√n ≤ 1/2 − ε",
          "yin.MedianCondition#conditions"),
      s("YIN-T1", 'R', "YIN", "Theorem 1; Theorem 8 (27)", "contraction 1−λ_F/(L_F+λ_F), floor 2Δ/λ_F, explicit Δ, floor shape",
          "yin.MedianGradientDescent#stronglyConvex/#delta/#floorShape"),
      s("YIN-T2", 'R', "YIN", "Theorem 2", "T = L_F‖w⁰−w*‖/Δ, 16‖w⁰−w*‖Δ(1+Δ/(2L_F))", "yin.MedianGradientDescent#convex"),
      s("YIN-T3", 'R', "YIN", "Theorem 3", "T = 2L_F(F(w⁰)−F*)/Δ², min‖∇F‖ ≤ √2Δ", "yin.MedianGradientDescent#nonConvex"),
      s("YIN-T4", 'R', "YIN", "Theorem 4; Theorem 11", "Δ′ leading term, α ≤ β ≤ 1/2−ε, floor shape",
          "yin.TrimmedMeanGradientDescent#deltaPrime/#stronglyConvex/#floorShape"),
      s("YIN-T5", 'R', "YIN", "Theorem 5; Remark 1", "Theorem 2 with Δ′", "yin.TrimmedMeanGradientDescent#convex"),
      s("YIN-T6", 'R', "YIN", "Theorem 6; Remark 1", "Theorem 3 with Δ′", "yin.TrimmedMeanGradientDescent#nonConvex"),
      s("YIN-RATE-MED", 'R', "YIN", "§4.1; §4.3 Table 1", "α/√n + 1/√(nm) + 1/n", "yin.StatisticalRates#median"),
      s("YIN-RATE-TRM", 'R', "YIN", "§4.2; §4.3 Table 1", "β/√n + 1/√(nm)", "yin.StatisticalRates#trimmedMean"),
      s("YIN-T7", 'R', "YIN", "Theorem 7; Appendix F", "one-round median bound, condition, C_k, shape",
          "yin.RobustOneRound#bound/#cK/#shape"),
      s("YIN-OBS1", 'L', "YIN", "Observation 1; Appendix G", "Ω(α/√n + √(d/(nm))); TV = α/(1−α) construction",
          "yin.MeanEstimationLowerBound#shape/#separation"),
      // Alistarh et al.
      s("ALI-GOOD", 'E', "ALI", "Algorithm 1, lines 8–10; Lemma 3.1", "good_k ⊇ good w.p. ≥ 1−δ; filter, median test, 4𝒱 tightness",
          "alistarh.GoodSetGuarantee#filter/#successProbability"),
      s("ALI-T34", 'R', "ALI", "Theorem 3.4", "L/σ + 𝒱²/(mσε) + α²𝒱²/(σε)", "alistarh.StronglyConvexRates#smooth"),
      s("ALI-T35", 'R', "ALI", "Theorem 3.5", "G²/(σε) + 𝒱²/(mσε) + α²𝒱²/(σε) + 1", "alistarh.StronglyConvexRates#lipschitz"),
      s("ALI-T43", 'L', "ALI", "Theorem 4.3", "Ω(D²𝒱²/(ε²m) + α²𝒱²D²/ε²), α ∈ (0, 0.1), G = ε/D instance",
          "alistarh.LowerBounds#convex"),
      s("ALI-T44", 'L', "ALI", "Theorem 4.4; Corollary 4.5", "Ω(𝒱²/(mσ²ε̂²) + α²𝒱²/(σ²ε̂²)), ε = σε̂²/2",
          "alistarh.LowerBounds#stronglyConvex"),
      s("ALI-A22", 'V', "ALI", "Assumption 2.2", "‖∇_{k,i} − ∇f(x_k)‖ ≤ 𝒱 a.s.", "alistarh.NoiseModel#admits"),
      // Farhadkhani et al. (RESAM)
      s("RES-DEF2", 'D', "RES", "Definition 2", "‖F(x) − x̄_S‖ ≤ λ·diam(S) as named conditions",
          "resam.ResilientAveraging#check/#rightHandSide"),
      s("RES-L6", 'D', "RES", "Appendix C.5, Lemma 6", "(1+√((n−f)/(n−2f)))·diam(S)", "resam.KrumSelectionLemma#distanceBound"),
      s("RES-C9-CGE", 'L', "RES", "Appendix C.9", "CGE counter-example: identical honest x, smaller Byzantine norms",
          "resam.ComparativeEliminationCounterexample#counterexample"),
      s("RES-C8-CC", 'L', "RES", "Appendix C.8", "CC iteration; violation when ‖x − v₀‖ > c_τL; λ = 20√10f/n for f < n/9.7",
          "resam.CentredClippingResilience#cc/#violationGuaranteed"),
      s("RES-L10", 'D', "RES", "Appendix C.7, Lemma 10", "≥ n/2 − f of S on each side of the median", "resam.MedianPosition#check"),
      s("RES-L5", 'D', "RES", "Appendix C.3, Lemma 5", "coordinate-wise diameter ≤ min{2√|S|, √d}·diam(S)",
          "resam.CoordinateWiseDiameter#of/#bound"),
      s("RES-SANITY", 'D', "RES", "§3.2, sanity check", "identical honest inputs ⇒ output equals them",
          "resam.ResilientAveraging#sanity"),
      s("RES-ALG1", 'V', "RES", "Algorithm 1", "m_t = βm_{t−1} + (1−β)g_t, θ_{t+1} = θ_t − γ_tF(m_t), β = √(1−24γL)",
          "resam.DistributedMomentum#momentum/#serverStep"),
      s("RES-ATK", 'V', "RES", "Appendix D.1", "empire ζ = 1.1, little ḡ − std, sign flip, labels 9 − l; Baruch z_max",
          "resam.Attacks"),
      // Cao & Lai
      s("CAO-ALG1", 'V', "CAO", "Algorithm 1; (5), (7)", "GIANT: means of gradients and of H_j⁻¹ḡ", "caolai.Giant"),
      s("CAO-ALG2", 'V', "CAO", "Algorithm 2; (12)–(17)", "MNM: geometric-median certificate, θ − ηG, q < m/2",
          "caolai.MedianNewton"),
      s("CAO-ALG3", 'V', "CAO", "Algorithm 3; (18)–(22)", "CNM: ‖g − ∇f⁽⁰⁾‖ ≤ ξ‖∇f⁽⁰⁾‖, average with own, H₀ + μI",
          "caolai.ComparisonBasedNewton"),
      s("CAO-T1", 'R', "CAO", "Theorem 1, (33)–(34)", "ρ, one-step bound, conditions, gap shape", "caolai.NewtonConvergence#rho/#mnmStep"),
      s("CAO-T2", 'R', "CAO", "Theorem 2, (43)–(47)",
          "Δ₄, γ₁, γ₂, one-step bound, γ₁ < 1 as a separate convergence predicate, gap ∝ |S₀|^{−1/2}",
          "caolai.NewtonConvergence#gamma1/#cnmStep/#cnmContraction"));

  /** EXTENSIONS.md: the project's own statements about rules beyond the four papers. */
  static final List<Statement> EXTENSIONS = List.of(
      new Statement("EXT-BULYAN-LAMBDA", 'D', io.byzcheck.theory.extensions.BulyanResilience.CITATION,
          "Bulyan: λ = 2·min{2√(n−f), √d}, n ≥ 4f + 3 (own derivation)", "extensions.BulyanResilience#lambda"),
      new Statement("EXT-MONNA-LAMBDA", 'D', io.byzcheck.theory.extensions.MonnaResilience.CITATION,
          "MoNNA around an honest pivot: λ = 2f/(n−f), f < n/2 (own derivation)", "extensions.MonnaResilience#lambda"),
      new Statement("EXT-SMEA-LAMBDA", 'D', io.byzcheck.theory.extensions.SmeaResilience.CITATION,
          "SMEA: κ = 4f/(n−2f) spectral, λ = √(f/(n−2f)), f < n/2 (own derivation)", "extensions.SmeaResilience#lambda"),
      new Statement("EXT-CAF-MEASURED", 'Q', new Citation("EXT-CAF-MEASURED", "AGS25",
          "CAF (Allouah, Guerraoui & Stephan 2025): no coefficient proved, measured λ̂ only"),
          "CAF: measured λ̂ (worst ratio at λ = 1), no claim", "properties: catalogue Extensions#caf"));

  static final List<Discrepancy> DISCREPANCIES =
      List.of(io.byzcheck.theory.alistarh.ByzantineSgdThresholds.B_I_DISCREPANCY,
          io.byzcheck.theory.resam.ConvergenceTheorem1.DISCREPANCY,
          io.byzcheck.theory.alistarh.ByzantineSgdBounds.T33_DISCREPANCY,
          io.byzcheck.theory.yin.TrimmedMean.NON_INTEGER_DISCREPANCY,
          io.byzcheck.theory.yin.RegressionGradientMoments.SKEWNESS_DISCREPANCY,
          io.byzcheck.theory.yin.TrimmedMeanGradientDescent.PROBABILITY_DISCREPANCY,
          io.byzcheck.theory.yin.MeanEstimationLowerBound.PROOF_SCOPE,
          io.byzcheck.theory.resam.MedianPosition.PROOF_DISCREPANCY,
          io.byzcheck.theory.resam.ComparativeEliminationCounterexample.INDEX_DISCREPANCY,
          io.byzcheck.theory.resam.Attacks.LITTLE_SIGN,
          io.byzcheck.theory.caolai.ComparisonBasedNewton.XI_ROUNDING,
          io.byzcheck.theory.caolai.NewtonConvergence.DELTA4,
          io.byzcheck.theory.caolai.NewtonConvergence.ETA_GAMMA2,
          io.byzcheck.theory.caolai.NewtonConvergence.GAMMA1,
          io.byzcheck.theory.caolai.NewtonConvergence.MNM_GAP,
          io.byzcheck.theory.resam.MomentumExperiments.LEARNING_RATE,
          io.byzcheck.theory.alistarh.ByzantineSgdBounds.T32_CONSTANT,
          io.byzcheck.theory.alistarh.ByzantineSgdBounds.T33_CONSTANT,
          io.byzcheck.theory.caolai.NewtonConvergence.ETA_DROPPED,
          io.byzcheck.theory.alistarh.GoodSetGuarantee.B_MEDIAN_RADIUS);
}
