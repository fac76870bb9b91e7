package dev.interlock.bench;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.diff.Change;
import dev.interlock.diff.ContractDiff;
import dev.interlock.diff.DiffReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labelled breaking-change pairs of {@code ../shared/diff-oracle} scored in one JVM: the same
 * verdict {@code interlock diff OLD NEW --fail-on breaking} gives (load both with the loader rooted
 * at their common folder, compare, exit 2 on errors, else breaking or not), without a JVM start per
 * pair, so a whole run takes seconds instead of a quarter of an hour. The oracle's own {@code
 * run.sh} stays the reference; this is for the edit-measure loop.
 *
 * <p>{@code bench/run diff-oracle [-v] [-s SOURCE]...}
 */
public final class DiffOracle {

  private record Row(
      String source, String name, Path oldSpec, Path newSpec, boolean breaking, boolean general) {}

  private enum Verdict {
    BREAKING,
    CLEAN,
    UNUSABLE
  }

  private static final class Tally {
    int breaking;
    int caught;
    int clean;
    int leftAlone;
    int unusable;

    void add(Row row, Verdict verdict) {
      if (verdict == Verdict.UNUSABLE) {
        unusable++;
      }
      if (row.breaking()) {
        breaking++;
        caught += verdict == Verdict.BREAKING ? 1 : 0;
      } else {
        clean++;
        leftAlone += verdict == Verdict.CLEAN ? 1 : 0;
      }
    }

    String line(String name) {
      return String.format(
          "%-32s recall %5.1f%% (%d/%d)   specificity %5.1f%% (%d/%d)   exit 2: %d",
          name,
          percent(caught, breaking),
          caught,
          breaking,
          percent(leftAlone, clean),
          leftAlone,
          clean,
          unusable);
    }

    private static double percent(int part, int whole) {
      return whole == 0 ? 100.0 : 100.0 * part / whole;
    }
  }

  public static void main(String[] args) throws IOException {
    boolean verbose = false;
    Set<String> sources = new TreeSet<>();
    Path oracle = Path.of("../shared/diff-oracle");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-v" -> verbose = true;
        case "-s" -> sources.add(args[++i]);
        case "--oracle" -> oracle = Path.of(args[++i]);
        default -> {
          System.err.println("diff-oracle: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    List<Row> rows = read(oracle, sources);
    Map<String, Tally> bySource = new LinkedHashMap<>();
    Tally total = new Tally();
    Tally validGeneral = new Tally();
    List<String> misses = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Row row : rows) {
      Verdict verdict = verdict(row);
      bySource.computeIfAbsent(row.source(), s -> new Tally()).add(row, verdict);
      total.add(row, verdict);
      if (row.general()) {
        validGeneral.add(row, verdict);
      }
      boolean right = row.breaking() ? verdict == Verdict.BREAKING : verdict == Verdict.CLEAN;
      if (!right) {
        misses.add(
            String.format(
                "  %-8s %s/%s (expected %s)",
                verdict, row.source(), row.name(), row.breaking() ? "breaking" : "non-breaking"));
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    bySource.forEach((source, tally) -> System.out.println(tally.line(source)));
    System.out.println(total.line("TOTAL"));
    System.out.println(validGeneral.line("TOTAL valid+general only"));
    System.out.printf(
        "%d pairs in %d ms (%.1f ms a pair)%n", rows.size(), ms, (double) ms / rows.size());
    if (verbose) {
      System.out.println("misses:");
      misses.forEach(System.out::println);
    }
  }

  private static Verdict verdict(Row row) {
    try {
      Path root = commonRoot(row.oldSpec(), row.newSpec());
      DiffReport report =
          ContractDiff.compare(
              row.oldSpec(), row.newSpec(), new ContractLoader(LoadOptions.forRoot(root)));
      if (report.hasErrors()) {
        return Verdict.UNUSABLE;
      }
      return report.reaches(Change.Level.BREAKING) ? Verdict.BREAKING : Verdict.CLEAN;
    } catch (RuntimeException e) {
      // The CLI turns an unexpected exception into exit 3: wrong for both classes, like exit 2.
      return Verdict.UNUSABLE;
    }
  }

  private static List<Row> read(Path oracle, Set<String> sources) throws IOException {
    List<String> lines = Files.readAllLines(oracle.resolve("expected.tsv"));
    List<String> header = List.of(lines.get(0).split("\t"));
    int source = header.indexOf("source");
    int name = header.indexOf("case");
    int oldSpec = header.indexOf("old");
    int newSpec = header.indexOf("new");
    int expected = header.indexOf("expected");
    int scope = header.indexOf("scope");
    int valid = header.indexOf("valid");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (!sources.isEmpty() && !sources.contains(f[source])) {
        continue;
      }
      rows.add(
          new Row(
              f[source],
              f[name],
              oracle.resolve(f[oldSpec]).toAbsolutePath().normalize(),
              oracle.resolve(f[newSpec]).toAbsolutePath().normalize(),
              f[expected].equals("breaking"),
              f[scope].equals("general") && f[valid].equals("yes")));
    }
    return rows;
  }

  /** The closest folder holding both files, as {@code interlock diff} roots its loader. */
  private static Path commonRoot(Path a, Path b) {
    Path x = a.getParent();
    while (!b.getParent().startsWith(x)) {
      x = x.getParent();
    }
    return x;
  }
}
