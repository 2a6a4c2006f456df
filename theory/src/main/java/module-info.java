/**
 * ByzCheck theory: every bound, definition and rate of the four papers (Yin et al. 2018, Alistarh et al.
 * 2018, Farhadkhani et al. 2022, Cao &amp; Lai 2020) as cited code, and the project's own statements about the
 * rules it adds (EXTENSIONS.md, package {@code extensions}). Exports all its packages; commons-math3
 * (automatic module {@code commons.math3}, the name derived from its jar, which declares none) gives the
 * normal quantiles and the error function and appears in no exported signature.
 */
module io.byzcheck.theory {
  requires commons.math3;

  exports io.byzcheck.theory;
  exports io.byzcheck.theory.alistarh;
  exports io.byzcheck.theory.caolai;
  exports io.byzcheck.theory.extensions;
  exports io.byzcheck.theory.resam;
  exports io.byzcheck.theory.yin;
}
