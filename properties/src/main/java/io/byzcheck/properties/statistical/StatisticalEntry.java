package io.byzcheck.properties.statistical;

import io.byzcheck.properties.Verdict;
import io.byzcheck.properties.stats.StatisticalResult;
import java.util.function.DoubleFunction;

/**
 * One statistical check, run at a given false-failure level: {@code name} starts with the THEORY.md ID. A negative
 * control is a deliberately wrong algorithm or claim that the check must find VIOLATED.
 *
 * @param description for a control, what is wrong with it; for a check, the experiment (and, when the
 *     expected verdict is VIOLATED, the finding)
 * @param expected HOLDS for a statement the implementation should satisfy; VIOLATED for a control, and for a
 *     statement that the paper's algorithm as printed does not satisfy (a finding, explained in description)
 */
public record StatisticalEntry(String id, String name, boolean control, String description, Verdict expected,
    DoubleFunction<StatisticalResult> check) {

  public StatisticalEntry(String id, String name, boolean control, String description,
      DoubleFunction<StatisticalResult> check) {
    this(id, name, control, description, control ? Verdict.VIOLATED : Verdict.HOLDS, check);
  }
}
