package io.byzcheck.properties;

/** Told about progress on long runs (the report prints it; tests may ignore it). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total, current) -> { };

  /**
   * @param done checks finished so far
   * @param total checks in this run
   * @param current what is running now, e.g. "RES-T1-CWMED CWMed n=15 f=5 d=10"
   */
  void progress(int done, int total, String current);
}
