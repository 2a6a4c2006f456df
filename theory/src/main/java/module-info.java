/** Every bound of the four papers as cited code. (Minimal descriptor: today's packages, all exported.) */
module io.byzcheck.theory {
  requires commons.math3;

  exports io.byzcheck.theory;
  exports io.byzcheck.theory.alistarh;
  exports io.byzcheck.theory.caolai;
  exports io.byzcheck.theory.resam;
  exports io.byzcheck.theory.yin;
}
