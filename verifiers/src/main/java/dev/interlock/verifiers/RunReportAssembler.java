package dev.interlock.verifiers;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Assembles the immutable {@link RunReport} of a finished run. */
final class RunReportAssembler {

  private RunReportAssembler() {}

  static RunReport assemble(
      VerificationContext context,
      List<CheckResult> results,
      String interlockVersion,
      String command,
      Instant startedAt,
      Duration duration) {
    return new RunReport(
        interlockVersion,
        context.seed(),
        command,
        startedAt,
        duration,
        contracts(context),
        results,
        coverage(context, results));
  }

  private static List<ContractInfo> contracts(VerificationContext context) {
    List<ContractInfo> out = new ArrayList<>();
    context
        .manifest()
        .ifPresent(
            m ->
                out.add(
                    new ContractInfo(
                        context.relative(m.source().file()),
                        "manifest",
                        "",
                        "1",
                        sha256(m.source().file()))));
    for (Contract c : context.contracts().contracts()) {
      out.add(
          new ContractInfo(
              context.relative(c),
              c.kind().displayName(),
              context.vendorOf(c),
              versionOf(c),
              sha256(c.file())));
    }
    return out;
  }

  private static String versionOf(Contract c) {
    if (c instanceof OpenApiContract o) {
      return String.valueOf(o.apiVersion());
    }
    if (c instanceof AsyncApiContract a) {
      return String.valueOf(a.apiVersion());
    }
    return "pact " + c.specVersion();
  }

  private static List<OperationCoverage> coverage(
      VerificationContext context, List<CheckResult> results) {
    List<OperationCoverage> out = new ArrayList<>();
    for (OpenApiContract c : context.contracts().openApi()) {
      String vendor = context.vendorOf(c);
      for (OpenApiOperation op : c.operations()) {
        Set<String> by = new LinkedHashSet<>();
        for (CheckResult r : results) {
          if (r.vendor().equals(vendor)
              && r.operation().equals(op.signature())
              && versionMatches(r, c)) {
            by.add(r.checkId() + ": " + r.subject());
          }
        }
        out.add(
            new OperationCoverage(
                vendor, String.valueOf(c.apiVersion()), op.signature(), List.copyOf(by)));
      }
    }
    return out;
  }

  /** A result that names no version counts for every version of its vendor. */
  private static boolean versionMatches(CheckResult r, OpenApiContract c) {
    String v = r.facts().version();
    return v.isEmpty() || v.equals(c.apiVersion());
  }

  private static String sha256(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "";
    }
  }
}
