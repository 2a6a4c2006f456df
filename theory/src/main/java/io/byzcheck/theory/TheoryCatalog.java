package io.byzcheck.theory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the theory module implements, against the IDs of THEORY.md (bundled as a resource so that
 * the project does not need ../shared at run time). The report's coverage table comes from here.
 */
public final class TheoryCatalog {
  private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z]+-[A-Z0-9-]+)\\s*\\|\\s*([VDELRQ])\\s*\\|");

  private TheoryCatalog() {}

  /** Every statement implemented in this module, in THEORY.md order. */
  public static List<Statement> implemented() {
    return StatementRegistry.ALL;
  }

  /** Every ID of THEORY.md with its kind, in document order. */
  public static Map<String, Character> theoryIds() {
    return ids("THEORY.md");
  }

  /**
   * Every ID of EXTENSIONS.md, the project's own catalogue of statements about rules beyond the four papers
   * (issue 16), with its kind, in document order.
   */
  public static Map<String, Character> extensionIds() {
    return ids("EXTENSIONS.md");
  }

  /** The statements of EXTENSIONS.md implemented in this module. */
  public static List<Statement> extensions() {
    return StatementRegistry.EXTENSIONS;
  }

  private static Map<String, Character> ids(String resource) {
    Map<String, Character> ids = new LinkedHashMap<>();
    try (InputStream in = TheoryCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the theory module's resources");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        Matcher m = ROW.matcher(line);
        if (m.find()) {
          ids.put(m.group(1), m.group(2).charAt(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** Inconsistencies found in the papers, with what we encode instead. */
  public static List<Discrepancy> discrepancies() {
    return StatementRegistry.DISCREPANCIES;
  }

  /** IDs of THEORY.md with kind V, D, E, L or R that are not implemented yet. */
  public static List<String> missing() {
    List<String> out = new ArrayList<>();
    var done = implemented().stream().map(Statement::id).collect(java.util.stream.Collectors.toSet());
    theoryIds().forEach((id, kind) -> {
      if (kind != 'Q' && !done.contains(id)) {
        out.add(id);
      }
    });
    return out;
  }
}
