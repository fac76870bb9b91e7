package dev.interlock.verifiers.checks;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.diff.Change;
import dev.interlock.diff.ConsumerImpact;
import dev.interlock.diff.ContractDiff;
import dev.interlock.diff.DiffRenderer;
import dev.interlock.diff.DiffReport;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code version.*} checks: what changed against a base, who it breaks, and whether deprecated
 * versions announce their end.
 */
public final class VersionChecks {

  private VersionChecks() {}

  /**
   * {@code version.no-breaking-change}: against {@code --base}, no contract breaks compatibility.
   */
  public static final class NoBreakingChange implements Check {
    public static final String ID = "version.no-breaking-change";

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String description() {
      return "compared with --base, no contract makes a breaking change without a new version";
    }

    @Override
    public List<CheckCase> plan(VerificationContext context) {
      if (context.options().base().isEmpty()) {
        return List.of(
            new CheckCase(
                ID,
                "against --base",
                () ->
                    Results.of(ID, "against --base")
                        .skipped("no --base given: nothing to compare against")));
      }
      Path base = context.options().base().get();
      return List.of(
          new CheckCase(
              ID,
              "contracts against " + base.getFileName(),
              () -> {
                DiffReport report = diff(context, base);
                Results r = Results.of(ID, "contracts against " + base.getFileName());
                report.breaking().forEach(c -> r.finding(asDiagnostic(c)).change(unattributed(c)));
                r.findings(report.diagnostics());
                r.evidence(
                    Evidence.text("diff", DiffRenderer.relativeToWorkingDirectory().text(report)));
                return report.breaking().isEmpty() && !report.hasErrors()
                    ? r.passed(DiffRenderer.summary(report))
                    : r.failed(report.breaking().size() + " breaking change(s) against the base");
              }));
    }
  }

  /**
   * {@code version.consumers-unaffected}: no breaking change breaks a consumer still on the old
   * version. Against {@code --base} when given; otherwise between consecutive versions of each
   * vendor the manifest lists, so a migration's impact is always visible.
   */
  public static final class ConsumersUnaffected implements Check {
    public static final String ID = "version.consumers-unaffected";

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String description() {
      return "no breaking change breaks a pact interaction of a consumer still on the old version";
    }

    @Override
    public List<CheckCase> plan(VerificationContext context) {
      List<CheckCase> cases = new ArrayList<>();
      if (context.options().base().isPresent()) {
        Path base = context.options().base().get();
        String name = "consumers against " + base.getFileName();
        cases.add(new CheckCase(ID, name, () -> impact(context, name, "", diff(context, base))));
        return cases;
      }
      for (Manifest.Vendor vendor :
          context.manifest().map(m -> m.vendors().values()).orElse(List.of())) {
        List<Manifest.VendorVersion> versions = new ArrayList<>(vendor.versions().values());
        for (int i = 1; i < versions.size(); i++) {
          Manifest.VendorVersion older = versions.get(i - 1);
          Manifest.VendorVersion newer = versions.get(i);
          String name = vendor.id() + " " + older.version() + " → " + newer.version();
          ContractLoader loader = new ContractLoader(context.options().loadOptions());
          cases.add(
              new CheckCase(
                  ID,
                  name,
                  () ->
                      impact(
                          context,
                          name,
                          vendor.id(),
                          ContractDiff.compare(older.contract(), newer.contract(), loader))));
        }
      }
      return cases;
    }

    private static CheckResult impact(
        VerificationContext context, String name, String vendor, DiffReport report) {
      ConsumerImpact impact =
          ConsumerImpact.of(
              report.changes(), context.contracts().pacts(), context.manifest().orElse(null));
      Results r = Results.of(ID, name).vendor(vendor);
      r.findings(report.diagnostics());
      for (ConsumerImpact.Entry e : impact.blocking()) {
        for (ConsumerImpact.Interaction i : e.breaks()) {
          r.finding(
              Diagnostic.error(
                      e.change().ruleId(),
                      i.consumer() + " breaks: '" + i.description() + "': " + e.change().message())
                  .at(
                      e.change()
                          .newLocation()
                          .or(() -> e.change().oldLocation())
                          .orElse(SourceLocation.of(Path.of(""))))
                  .hint(
                      "the pact interaction is at "
                          + context.relative(i.location().file())
                          + ":"
                          + i.location().line())
                  .build());
          r.change(
              new ChangeImpact(
                  e.change().ruleId(),
                  e.change().level().label(),
                  operationOf(e.change()),
                  i.consumer(),
                  i.description()));
        }
      }
      impact.safeToShip().forEach(e -> r.change(unattributed(e.change())));
      r.evidence(
          Evidence.text(
              "consumer impact", DiffRenderer.relativeToWorkingDirectory().text(report, impact)));
      long breaking = report.breaking().size();
      if (!impact.blocking().isEmpty()) {
        return r.failed(
            impact.blocking().size()
                + " breaking change(s) break "
                + String.join(", ", impact.brokenConsumers()));
      }
      String touched =
          impact.touchedConsumers().isEmpty()
              ? "no consumer depends on them"
              : "touched consumers are already on the new version: "
                  + String.join(", ", impact.touchedConsumers());
      return r.passed(breaking + " breaking change(s); " + touched);
    }
  }

  /** {@code version.sunset-policy}: deprecated versions still served carry a future Sunset date. */
  public static final class SunsetPolicy implements Check {
    public static final String ID = "version.sunset-policy";

    private final Clock clock;

    public SunsetPolicy() {
      this(Clock.systemUTC());
    }

    public SunsetPolicy(Clock clock) {
      this.clock = clock;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String description() {
      return "every deprecated version the manifest still serves has a Sunset date in the future";
    }

    @Override
    public List<CheckCase> plan(VerificationContext context) {
      List<CheckCase> cases = new ArrayList<>();
      Manifest manifest = context.manifest().orElse(null);
      if (manifest == null) {
        return cases;
      }
      for (Manifest.Vendor vendor : manifest.vendors().values()) {
        for (Map.Entry<String, Manifest.VendorVersion> e : vendor.versions().entrySet()) {
          Manifest.VendorVersion v = e.getValue();
          if (!v.isDeprecated()) {
            continue;
          }
          String name = vendor.id() + " " + v.version();
          JsonPointer at = JsonPointer.of("vendors", vendor.id(), "versions", v.version());
          cases.add(
              new CheckCase(
                  ID,
                  name,
                  () -> {
                    Results r = Results.of(ID, name).vendor(vendor.id());
                    if (v.sunset().isEmpty()) {
                      return r.finding(
                              Diagnostic.error(ID, "deprecated version has no sunset date")
                                  .at(manifest.source().locate(at))
                                  .hint("add 'sunset: YYYY-MM-DD' so consumers know when it ends")
                                  .build())
                          .failed("deprecated without a sunset date");
                    }
                    LocalDate today = LocalDate.now(clock);
                    if (!v.sunset().get().isAfter(today)) {
                      return r.finding(
                              Diagnostic.error(
                                      ID,
                                      "sunset date "
                                          + v.sunset().get()
                                          + " has passed but the version is still served")
                                  .at(manifest.source().locate(at.append("sunset")))
                                  .hint("retire the version (status: retired) or move the date")
                                  .build())
                          .failed("sunset " + v.sunset().get() + " is not in the future");
                    }
                    return r.passed("deprecated, sunset " + v.sunset().get());
                  }));
        }
      }
      return cases;
    }
  }

  static DiffReport diff(VerificationContext context, Path base) {
    return ContractDiff.compare(
        base, context.options().contracts(), new ContractLoader(context.options().loadOptions()));
  }

  /** A change as the run reports it when no consumer interaction is named. */
  static ChangeImpact unattributed(Change c) {
    return ChangeImpact.unattributed(c.ruleId(), c.level().label(), operationOf(c));
  }

  /** The operation as the old version names it: the one consumers still call. */
  private static String operationOf(Change c) {
    return c.operation().orElse("");
  }

  static Diagnostic asDiagnostic(Change c) {
    return Diagnostic.error(c.ruleId(), c.message())
        .at(c.newLocation().or(c::oldLocation).orElse(SourceLocation.of(Path.of(""))))
        .hint(
            c.oldLocation()
                .map(l -> "was at " + l.file().getFileName() + ":" + l.line())
                .orElse(null))
        .build();
  }
}
