package dev.interlock.reports.internal;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.ReportOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** What every writer derives from a (redacted) run: groupings, display paths, links. */
public final class RunView {

  /** Check ids whose results describe a breaking change between contract versions. */
  public static final List<String> BREAKING_CHECKS =
      List.of("version.no-breaking-change", "version.consumers-unaffected");

  /** Vendor column text for results that belong to no vendor. */
  public static final String NO_VENDOR = "(none)";

  private final RunReport run;
  private final ReportOptions options;

  public RunView(RunReport run, ReportOptions options) {
    this.run = run;
    this.options = options;
  }

  public RunReport run() {
    return run;
  }

  public ReportOptions options() {
    return options;
  }

  public String verdict() {
    return run.passed() ? "PASSED" : "FAILED";
  }

  public long passed() {
    return run.count(Outcome.PASSED);
  }

  public long failed() {
    return run.count(Outcome.FAILED);
  }

  public long skipped() {
    return run.count(Outcome.SKIPPED);
  }

  public long failedWith(Severity severity) {
    return run.results().stream().filter(r -> r.failed() && r.severity() == severity).count();
  }

  /** Failed results, most severe first, otherwise in execution order. */
  public List<CheckResult> failures() {
    return run.results().stream()
        .filter(CheckResult::failed)
        .sorted(Comparator.comparing(CheckResult::severity))
        .toList();
  }

  public static String vendorOf(CheckResult r) {
    return r.vendor() == null || r.vendor().isBlank() ? NO_VENDOR : r.vendor();
  }

  public List<String> families() {
    return new ArrayList<>(new TreeSet<>(run.results().stream().map(CheckResult::family).toList()));
  }

  public List<String> vendors() {
    return new ArrayList<>(new TreeSet<>(run.results().stream().map(RunView::vendorOf).toList()));
  }

  /** Counts per outcome for each family, families sorted. */
  public Map<String, Map<Outcome, Long>> countsByFamily() {
    Map<String, Map<Outcome, Long>> out = new TreeMap<>();
    for (CheckResult r : run.results()) {
      out.computeIfAbsent(r.family(), k -> emptyCounts()).merge(r.outcome(), 1L, Long::sum);
    }
    return out;
  }

  /** Counts per outcome for each (vendor, family) pair. */
  public Map<String, Map<String, Map<Outcome, Long>>> matrix() {
    Map<String, Map<String, Map<Outcome, Long>>> out = new TreeMap<>();
    for (CheckResult r : run.results()) {
      out.computeIfAbsent(vendorOf(r), k -> new TreeMap<>())
          .computeIfAbsent(r.family(), k -> emptyCounts())
          .merge(r.outcome(), 1L, Long::sum);
    }
    return out;
  }

  private static Map<Outcome, Long> emptyCounts() {
    Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      m.put(o, 0L);
    }
    return m;
  }

  /**
   * What a reader sees as a result's tags: its typed facts that name something (version, consumer,
   * internal error) beside its free-form labels, sorted by name.
   */
  public static Map<String, String> tags(CheckResult r) {
    Map<String, String> tags = new TreeMap<>(r.labels());
    Facts f = r.facts();
    if (!f.version().isEmpty()) {
      tags.put("version", f.version());
    }
    if (!f.consumer().isEmpty()) {
      tags.put("consumer", f.consumer());
    }
    f.internalError().ifPresent(e -> tags.put("internal-error", e));
    return tags;
  }

  /** One row of the breaking-changes table: a version result and one change it found. */
  public record ChangeRow(CheckResult result, Optional<ChangeImpact> change) {}

  /**
   * The rows of the breaking-changes table: one per change a version result found (a change that
   * breaks several interactions has a row for each), one for a result that found none.
   */
  public List<ChangeRow> changeRows() {
    List<ChangeRow> rows = new ArrayList<>();
    for (CheckResult r : breakingChanges()) {
      if (r.facts().changes().isEmpty()) {
        rows.add(new ChangeRow(r, Optional.empty()));
      }
      r.facts().changes().forEach(c -> rows.add(new ChangeRow(r, Optional.of(c))));
    }
    return rows;
  }

  public List<CheckResult> breakingChanges() {
    return run.results().stream().filter(r -> BREAKING_CHECKS.contains(r.checkId())).toList();
  }

  /** Every timeline carried by the run's evidence, in result order. */
  public List<Scenario> timelines() {
    List<Scenario> out = new ArrayList<>();
    for (CheckResult r : run.results()) {
      for (Evidence e : r.evidence()) {
        if (Evidence.TIMELINE.equals(e.mediaType())) {
          String fallback = r.labels().getOrDefault("scenario", r.subject());
          Timeline.parse(e.content(), fallback).ifPresent(t -> out.add(new Scenario(r, t)));
        }
      }
    }
    return out;
  }

  /** A timeline and the result it justifies. */
  public record Scenario(CheckResult result, Timeline timeline) {}

  /** A file as the repository knows it: relative to the source root, forward slashes. */
  public String displayPath(Path file) {
    if (file == null) {
      return null;
    }
    Path root = options.sourceRoot();
    Path abs = file.isAbsolute() ? file.normalize() : root.resolve(file).normalize();
    Path shown = abs.startsWith(root) ? root.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  /** {@code contracts/openapi/payments/2024-06.yaml} for a contract of the run. */
  public String contractPath(ContractInfo c) {
    String dir = options.contractsDir();
    return dir.isEmpty() ? c.path() : dir + "/" + c.path();
  }

  /** {@code file:line:column} (or less), or {@code null} when the diagnostic has no file. */
  public String position(Diagnostic d) {
    SourceLocation l = d.location();
    String path = displayPath(l.file());
    if (path == null) {
      return null;
    }
    if (!l.hasPosition()) {
      return path;
    }
    return path + ":" + l.line() + (l.column() > 0 ? ":" + l.column() : "");
  }

  /** A browsable link to the file and line, or {@code null} without a link base. */
  public String link(Diagnostic d) {
    String base = options.sourceLinkBase();
    String path = displayPath(d.location().file());
    if (base == null || path == null || path.startsWith("/") || path.startsWith("..")) {
      return null;
    }
    return base + path + (d.location().hasPosition() ? "#L" + d.location().line() : "");
  }

  /**
   * The first contract of the result's vendor (OpenAPI first), where a finding-less failure shows.
   */
  public ContractInfo contractOf(CheckResult r) {
    ContractInfo best = null;
    for (ContractInfo c : run.contracts()) {
      if (!c.vendor().isEmpty() && c.vendor().equals(r.vendor())) {
        if (best == null
            || ("openapi".equalsIgnoreCase(c.kind()) && !"openapi".equalsIgnoreCase(best.kind()))) {
          best = c;
        }
      }
    }
    if (best == null) {
      best =
          run.contracts().stream()
              .filter(c -> "manifest".equalsIgnoreCase(c.kind()))
              .findFirst()
              .orElse(null);
    }
    return best;
  }

  /** The command line that reproduces the run (falls back to {@code interlock verify --seed N}). */
  public String reproduce() {
    String c = run.command();
    return c == null || c.isBlank() ? "interlock verify --seed " + run.seed() : c;
  }
}
