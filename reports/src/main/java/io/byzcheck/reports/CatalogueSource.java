package io.byzcheck.reports;

import io.byzcheck.properties.Budget;
import io.byzcheck.properties.CatalogueRun;
import io.byzcheck.properties.ProgressListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The production {@link CatalogueRunner}: {@code io.byzcheck.properties.catalogue.Catalogue}.
 * TEMPORARY: looked up reflectively until the catalogue is merged into this branch.
 */
final class CatalogueSource {
  private CatalogueSource() {}

  static CatalogueRunner catalogue() {
    return (budget, only, progress) -> {
      try {
        Class<?> c = Class.forName("io.byzcheck.properties.catalogue.Catalogue");
        Method m = c.getMethod("run", Budget.class, ProgressListener.class);
        CatalogueRun run = (CatalogueRun) m.invoke(null, budget, progress);
        if (only == null) {
          return run;
        }
        return new CatalogueRun(run.budget(), run.checks().stream().filter(r -> r.id().startsWith(only)).toList(),
            run.negativeControls().stream().filter(r -> r.id().startsWith(only)).toList(), run.elapsedMillis());
      } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalStateException("the check catalogue (io.byzcheck.properties.catalogue.Catalogue) is not in this build", e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    };
  }
}
