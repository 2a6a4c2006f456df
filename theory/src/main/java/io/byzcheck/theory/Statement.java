package io.byzcheck.theory;

/**
 * One statement of THEORY.md as implemented here.
 *
 * @param id the THEORY.md ID
 * @param kind V, D, E, L, R or Q (THEORY.md "Kinds")
 * @param citation paper and locator
 * @param summary one line saying what is encoded
 * @param codeLocation the class (and member) that encodes it, for the report's coverage table
 */
public record Statement(String id, char kind, Citation citation, String summary, String codeLocation) {}
