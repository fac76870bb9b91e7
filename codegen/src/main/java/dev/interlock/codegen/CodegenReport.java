package dev.interlock.codegen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a codegen run did, per contract: generated or skipped (unchanged), how long it took. */
public record CodegenReport(List<Unit> units, Duration total) {

  public CodegenReport {
    units = List.copyOf(units);
  }

  /**
   * @param target what was generated
   * @param contract the contract file
   * @param javaPackage where the generated types are
   * @param skipped true when the contract's fingerprint was unchanged
   * @param files Java files written (0 when skipped)
   * @param problem null, or why the contract was left out
   * @param fixups names changed in the contract before OpenAPI Generator saw it, so that its output
   *     compiles (see {@code GeneratorFixups})
   */
  public record Unit(
      CodegenOptions.Target target,
      Path contract,
      String javaPackage,
      boolean skipped,
      int files,
      Duration took,
      String problem,
      List<String> fixups) {

    public Unit {
      fixups = List.copyOf(fixups);
    }

    public Unit(
        CodegenOptions.Target target,
        Path contract,
        String javaPackage,
        boolean skipped,
        int files,
        Duration took,
        String problem) {
      this(target, contract, javaPackage, skipped, files, took, problem, List.of());
    }
  }

  public boolean hasProblems() {
    return units.stream().anyMatch(u -> u.problem() != null);
  }

  /** One line per unit, then the total: what the build prints. */
  public String render(Path relativeTo) {
    StringBuilder b = new StringBuilder();
    for (Unit u : units) {
      Path shown = relativeTo == null ? u.contract() : relativize(relativeTo, u.contract());
      b.append(
          String.format(
              "interlock-codegen: %-8s %-45s %-48s %s%n",
              u.target().name().toLowerCase(java.util.Locale.ROOT),
              shown,
              u.javaPackage(),
              u.problem() != null
                  ? "FAILED: " + u.problem()
                  : u.skipped()
                      ? "unchanged, skipped"
                      : u.files() + " files in " + u.took().toMillis() + " ms"));
      u.fixups()
          .forEach(
              f ->
                  b.append("interlock-codegen:   renamed for the generator: ")
                      .append(f)
                      .append('\n'));
    }
    b.append(String.format("interlock-codegen: total %d ms%n", total.toMillis()));
    return b.toString();
  }

  private static Path relativize(Path base, Path p) {
    try {
      return base.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      return p;
    }
  }
}
