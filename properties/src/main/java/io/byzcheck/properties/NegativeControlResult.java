package io.byzcheck.properties;

/**
 * A deliberately wrong rule or claim run through the same check as the real ones: the check is
 * only trusted if {@code caught} is true.
 *
 * @param id the THEORY.md ID of the check it exercises
 * @param description what is wrong on purpose, e.g. "median using the (n/2+2)-th order statistic"
 * @param result the check's result on the wrong rule
 * @param caught true if the check reported the violation
 */
public record NegativeControlResult(String id, String description, CheckResult result, boolean caught) {}
