package io.byzcheck.theory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The shape of a rate with hidden constants (THEORY.md kind R): a sum of coefficient-free monomials
 * in named variables, each optionally times a power of a logarithm, e.g. Yin et al.'s median rate
 * Õ(α/√n + 1/√(nm) + 1/n) is the three terms α¹n^{−1/2}, n^{−1/2}m^{−1/2}, n^{−1}. Statistical checks
 * fit exponents against {@link Term#exponent(String)} and slopes against {@link #localSlope}; the hidden
 * constants are taken as 1 in {@link #evaluate}.
 *
 * @param citation where the rate is stated
 * @param terms the terms of the sum, in the paper's order
 */
public record RateShape(Citation citation, List<Term> terms) {

  /**
   * (log Π variables)^power, e.g. √log(nmL̂D) is variables [n, m, LD] and power 1/2. The product must
   * exceed 1 where evaluated (a logarithm factor of a rate is meant to be positive).
   */
  public record LogFactor(List<String> variables, double power) {
    public LogFactor {
      variables = List.copyOf(variables);
      if (variables.isEmpty() || !(power > 0)) {
        throw new IllegalArgumentException("a log factor needs at least one variable and a positive power");
      }
    }
  }

  /**
   * One term: Π_v v^{exponents[v]}, times its log factor when there is one.
   *
   * @param label the term as the paper writes it, e.g. "α/√n"
   * @param exponents exponent per variable (variables absent have exponent 0)
   * @param log the log factor, or null
   */
  public record Term(String label, Map<String, Double> exponents, LogFactor log) {
    public Term {
      Objects.requireNonNull(label, "label");
      exponents = Map.copyOf(exponents);
    }

    public static Term of(String label, Map<String, Double> exponents) {
      return new Term(label, exponents, null);
    }

    public boolean hasLog() {
      return log != null;
    }

    /** The exponent of the variable in this term (0 when it does not appear). */
    public double exponent(String variable) {
      return exponents.getOrDefault(variable, 0.0);
    }

    /** The term's value with hidden constant 1. */
    public double evaluate(Map<String, Double> vars) {
      double v = 1;
      for (Map.Entry<String, Double> e : exponents.entrySet()) {
        double x = value(vars, e.getKey());
        if (x == 0 && e.getValue() < 0) {
          throw new IllegalArgumentException("term " + label + " has a negative power of " + e.getKey()
              + ", which must then be positive, got " + e.getKey() + " = 0");
        }
        v *= Math.pow(x, e.getValue());
      }
      if (log != null) {
        v *= Math.pow(logArgumentLog(vars), log.power());
      }
      return v;
    }

    private double logArgumentLog(Map<String, Double> vars) {
      double product = 1;
      for (String name : log.variables()) {
        product *= value(vars, name);
      }
      if (!(product > 1)) {
        throw new IllegalArgumentException("term " + label + " needs log(" + String.join("·", log.variables())
            + ") > 0, i.e. the product > 1, got " + product);
      }
      return Math.log(product);
    }
  }

  public RateShape {
    Objects.requireNonNull(citation, "citation");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a rate needs at least one term");
    }
  }

  public static RateShape of(Citation citation, Term... terms) {
    return new RateShape(citation, List.of(terms));
  }

  /** Convenience for exponent maps: {@code exps("n", -0.5, "m", -0.5)}. */
  public static Map<String, Double> exps(Object... nameExponentPairs) {
    if (nameExponentPairs.length % 2 != 0) {
      throw new IllegalArgumentException("exps needs name/exponent pairs");
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < nameExponentPairs.length; i += 2) {
      m.put((String) nameExponentPairs[i], ((Number) nameExponentPairs[i + 1]).doubleValue());
    }
    return m;
  }

  /** Every variable any term uses (monomial or log). */
  public java.util.SortedSet<String> variables() {
    TreeSet<String> out = new TreeSet<>();
    for (Term t : terms) {
      out.addAll(t.exponents().keySet());
      if (t.log() != null) {
        out.addAll(t.log().variables());
      }
    }
    return out;
  }

  /** The sum of the terms with every hidden constant equal to 1. */
  public double evaluate(Map<String, Double> vars) {
    double sum = 0;
    for (Term t : terms) {
      sum += t.evaluate(vars);
    }
    return sum;
  }

  /** The term with the largest value at vars (the first one on ties). */
  public Term dominantTerm(Map<String, Double> vars) {
    Term best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (Term t : terms) {
      double v = t.evaluate(vars);
      if (v > bestValue) {
        best = t;
        bestValue = v;
      }
    }
    return best;
  }

  /** The exponents of one variable, term by term (what a fit per term compares against). */
  public List<Double> exponentsOf(String variable) {
    List<Double> out = new ArrayList<>();
    for (Term t : terms) {
      out.add(t.exponent(variable));
    }
    return out;
  }

  /**
   * d log R / d log x at vars, the slope a log-log plot of the rate against x shows there: the
   * value-weighted mean of the terms' exponents of x, plus power/log(product) for log factors containing x.
   */
  public double localSlope(String variable, Map<String, Double> vars) {
    value(vars, variable);
    double total = 0;
    double weighted = 0;
    for (Term t : terms) {
      double v = t.evaluate(vars);
      double slope = t.exponent(variable);
      if (t.log() != null && t.log().variables().contains(variable)) {
        slope += t.log().power() / t.logArgumentLog(vars);
      }
      total += v;
      weighted += v * slope;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the slope of " + citation + " is undefined where the rate is 0");
    }
    return weighted / total;
  }

  private static double value(Map<String, Double> vars, String name) {
    Double x = vars.get(name);
    if (x == null) {
      throw new IllegalArgumentException("rate variable " + name + " has no value");
    }
    if (!(x >= 0) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("rate variable " + name + " must be finite and non-negative, got " + x);
    }
    return x;
  }
}
