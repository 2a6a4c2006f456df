package io.byzcheck.properties.search;

/**
 * The worst input found.
 *
 * @param ratio the largest ratio found
 * @param input the input that produced it (float32 values)
 * @param evaluations objective evaluations spent
 * @param origin where it was found, e.g. "generator Scenario(...)" or "CMA-ES restart 2"
 */
public record SearchResult(double ratio, double[][] input, long evaluations, String origin) {}
