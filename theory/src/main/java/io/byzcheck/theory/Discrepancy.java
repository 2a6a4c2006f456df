package io.byzcheck.theory;

/**
 * A place where a paper's text is inconsistent with itself (or with THEORY.md), what we encode
 * instead, and why. The report lists these.
 */
public record Discrepancy(String id, String paperSays, String weEncode, String reason) {}
