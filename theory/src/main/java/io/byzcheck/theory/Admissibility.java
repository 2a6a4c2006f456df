package io.byzcheck.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether given parameters satisfy the conditions of a theorem (or a definition, or an algorithm's
 * parameter ranges), condition by condition: a check that fails says which hypothesis was violated
 * instead of returning a meaningless bound.
 *
 * @param citation the statement whose conditions these are
 * @param conditions every condition, in the order the paper states them
 */
public record Admissibility(Citation citation, List<Condition> conditions) {

  /**
   * One named condition.
   *
   * @param name the condition as the paper writes it, e.g. "α ≤ β ≤ 1/2 − ε"
   * @param holds whether the given parameters satisfy it
   * @param message the values involved, for a human
   */
  public record Condition(String name, boolean holds, String message) {
    public Condition {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(message, "message");
    }
  }

  public Admissibility {
    Objects.requireNonNull(citation, "citation");
    conditions = List.copyOf(conditions);
  }

  public static Builder of(Citation citation) {
    return new Builder(citation);
  }

  /** True when every condition holds. */
  public boolean admissible() {
    return conditions.stream().allMatch(Condition::holds);
  }

  /** The conditions that fail, in order; empty when admissible. */
  public List<Condition> failures() {
    return conditions.stream().filter(c -> !c.holds()).toList();
  }

  /** The failed condition names, for assertions and reports. */
  public List<String> failedNames() {
    return failures().stream().map(Condition::name).toList();
  }

  /**
   * Returns this when admissible; otherwise throws an IllegalArgumentException naming every failed
   * condition with its values and the statement it belongs to.
   */
  public Admissibility orThrow() {
    List<Condition> failed = failures();
    if (!failed.isEmpty()) {
      throw new IllegalArgumentException(citation + " needs "
          + failed.stream().map(c -> c.name() + " (" + c.message() + ")").collect(Collectors.joining("; ")));
    }
    return this;
  }

  /** Collects conditions in the paper's order. */
  public static final class Builder {
    private final Citation citation;
    private final List<Condition> conditions = new ArrayList<>();

    private Builder(Citation citation) {
      this.citation = Objects.requireNonNull(citation, "citation");
    }

    public Builder require(String name, boolean holds, String message) {
      conditions.add(new Condition(name, holds, message));
      return this;
    }

    public Admissibility build() {
      return new Admissibility(citation, conditions);
    }

    /** Shorthand for {@code build().orThrow()}. */
    public Admissibility orThrow() {
      return build().orThrow();
    }
  }
}
