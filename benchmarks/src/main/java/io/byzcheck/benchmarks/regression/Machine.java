package io.byzcheck.benchmarks.regression;

import io.byzcheck.benchmarks.Yardstick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a baseline was recorded on: ratios to the yardstick travel between machines only so far. */
record Machine(String cpu, int cores, int vectorBits, String jdk, String os) {

  static Machine here() {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), Yardstick.vectorBits(),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the architecture is all we can say
    }
    return System.getProperty("os.arch");
  }

  /** The load average now (Linux), for the record of how shared the machine was. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", cpu);
    m.put("cores", (double) cores);
    m.put("vectorBits", (double) vectorBits);
    m.put("jdk", jdk);
    m.put("os", os);
    return m;
  }

  static Machine fromJson(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("baseline has no \"machine\" object");
    }
    return new Machine(String.valueOf(m.get("cpu")), number(m.get("cores")), number(m.get("vectorBits")),
        String.valueOf(m.get("jdk")), String.valueOf(m.get("os")));
  }

  private static int number(Object v) {
    return v instanceof Double d ? d.intValue() : -1;
  }

  /** Why ratios from {@code other} may not carry over to this machine, or "" if they should. */
  String differences(Machine other) {
    StringBuilder b = new StringBuilder();
    if (!cpu.equals(other.cpu)) {
      b.append("CPU '").append(other.cpu).append("' vs '").append(cpu).append("'; ");
    }
    if (vectorBits != other.vectorBits) {
      b.append("vectors ").append(other.vectorBits).append(" vs ").append(vectorBits).append(" bits; ");
    }
    if (cores != other.cores) {
      b.append("cores ").append(other.cores).append(" vs ").append(cores).append("; ");
    }
    if (!jdk.equals(other.jdk)) {
      b.append("JDK '").append(other.jdk).append("' vs '").append(jdk).append("'; ");
    }
    return b.toString();
  }
}
