/** Runs the catalogue at report budget and writes the HTML bound-check report and report.json. */
module io.byzcheck.reports {
  requires io.byzcheck.properties;

  exports io.byzcheck.reports;
}
