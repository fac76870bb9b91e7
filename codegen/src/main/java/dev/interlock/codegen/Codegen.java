package dev.interlock.codegen;

import dev.interlock.codegen.CodegenOptions.Target;
import dev.interlock.codegen.CodegenReport.Unit;
import dev.interlock.codegen.internal.AdapterGenerator;
import dev.interlock.codegen.internal.ClientGenerator;
import dev.interlock.codegen.internal.ContractCoordinates;
import dev.interlock.codegen.internal.Fingerprints;
import dev.interlock.codegen.internal.PayloadGenerator;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build-time generator: for every OpenAPI contract and version under {@code contracts/} a typed
 * client (OpenAPI Generator, {@code java}/{@code native}), for every AsyncAPI message a payload
 * type, and next to each client a resilient adapter. Unchanged contracts are skipped (a SHA-256
 * fingerprint of their bytes and of this generator's version).
 *
 * <pre>
 * java dev.interlock.codegen.Codegen --contracts contracts --out target/generated-sources/interlock
 *      --work target/interlock-codegen --targets clients,payloads [--force]
 * </pre>
 *
 * Without {@code --contracts}, the system property {@code interlock.contracts} or else {@code
 * ${maven.multiModuleProjectDirectory}/contracts} is used.
 */
public final class Codegen {

  /** Changes whenever generated output would change for the same input. */
  public static final String GENERATOR_VERSION = "interlock-codegen-3/openapi-generator-7.25.0";

  private Codegen() {}

  public static void main(String[] args) {
    CodegenOptions options = parse(args);
    CodegenReport report = run(options);
    System.out.print(report.render(options.contractsDir().getParent()));
    if (report.hasProblems()) {
      // exec:java runs in Maven's JVM: fail the build by throwing, never System.exit
      throw new IllegalStateException("interlock-codegen: some contracts could not be generated");
    }
  }

  public static CodegenReport run(CodegenOptions options) {
    long started = System.nanoTime();
    List<Unit> units = new ArrayList<>();
    ContractLoader loader =
        new ContractLoader(LoadOptions.forRoot(options.contractsDir().toAbsolutePath()));
    Fingerprints fingerprints = new Fingerprints(options.workDir().resolve("fingerprints"));
    Map<Target, List<String>> produced = new LinkedHashMap<>();
    for (Target t : options.targets()) {
      produced.put(t, new ArrayList<>());
    }
    ClientGenerator clients = new ClientGenerator();

    for (Path file : files(options.contractsDir())) {
      LoadResult loaded = loader.load(file);
      Contract contract = loaded.contract().orElse(null);
      if (contract instanceof OpenApiContract openApi) {
        ContractCoordinates where = ContractCoordinates.ofOpenApi(file);
        for (Target target : List.of(Target.CLIENTS, Target.ADAPTERS)) {
          if (options.targets().contains(target)) {
            units.add(openApiUnit(target, openApi, loaded, where, options, fingerprints, clients));
            produced.get(target).add(where.javaPackage());
          }
        }
      } else if (contract instanceof AsyncApiContract asyncApi
          && options.targets().contains(Target.PAYLOADS)) {
        ContractCoordinates where = ContractCoordinates.ofAsyncApi(file);
        units.add(payloadUnit(asyncApi, loaded, where, options, fingerprints));
        produced.get(Target.PAYLOADS).add(where.javaPackage());
      }
    }
    for (Map.Entry<Target, List<String>> e : produced.entrySet()) {
      fingerprints.forgetOthers(e.getKey().name(), e.getValue(), options.outputDir());
    }
    return new CodegenReport(units, Duration.ofNanos(System.nanoTime() - started));
  }

  private static Unit openApiUnit(
      Target target,
      OpenApiContract contract,
      LoadResult loaded,
      ContractCoordinates where,
      CodegenOptions options,
      Fingerprints fingerprints,
      ClientGenerator clients) {
    long t0 = System.nanoTime();
    Path packageDir = options.outputDir().resolve(where.javaPackage().replace('.', '/'));
    if (loaded.hasErrors()) {
      return new Unit(
          target, where.file(), where.javaPackage(), false, 0, Duration.ZERO, firstError(loaded));
    }
    String fingerprint = Fingerprints.of(GENERATOR_VERSION + "/" + target, inputs(loaded));
    if (!options.force()
        && Files.isDirectory(packageDir)
        && fingerprints.matches(target.name(), where.javaPackage(), fingerprint)) {
      return new Unit(target, where.file(), where.javaPackage(), true, 0, Duration.ZERO, null);
    }
    try {
      Path work = options.workDir().resolve("work").resolve(where.javaPackage());
      ClientGenerator.Generated generated = clients.generate(where, work);
      int files;
      if (target == Target.CLIENTS) {
        for (String sub : List.of("api", "model", "invoker")) {
          Fingerprints.deleteRecursively(packageDir.resolve(sub));
        }
        files = copyTree(generated.sourceRoot(), options.outputDir());
      } else {
        Fingerprints.deleteRecursively(packageDir);
        Files.createDirectories(packageDir);
        String source =
            new AdapterGenerator()
                .generate(contract, where, generated.operations(), generated.typeImports());
        Files.writeString(
            packageDir.resolve(AdapterGenerator.adapterName(where) + ".java"), source);
        files = 1;
      }
      Fingerprints.deleteRecursively(work);
      fingerprints.record(target.name(), where.javaPackage(), fingerprint);
      return new Unit(
          target,
          where.file(),
          where.javaPackage(),
          false,
          files,
          Duration.ofNanos(System.nanoTime() - t0),
          null,
          generated.fixups());
    } catch (IOException | RuntimeException e) {
      return new Unit(
          target,
          where.file(),
          where.javaPackage(),
          false,
          0,
          Duration.ofNanos(System.nanoTime() - t0),
          "generation failed: " + e);
    }
  }

  private static Unit payloadUnit(
      AsyncApiContract contract,
      LoadResult loaded,
      ContractCoordinates where,
      CodegenOptions options,
      Fingerprints fingerprints) {
    long t0 = System.nanoTime();
    Path packageDir = options.outputDir().resolve(where.javaPackage().replace('.', '/'));
    if (loaded.hasErrors()) {
      return new Unit(
          Target.PAYLOADS,
          where.file(),
          where.javaPackage(),
          false,
          0,
          Duration.ZERO,
          firstError(loaded));
    }
    String fingerprint = Fingerprints.of(GENERATOR_VERSION + "/payloads", inputs(loaded));
    if (!options.force()
        && Files.isDirectory(packageDir)
        && fingerprints.matches(Target.PAYLOADS.name(), where.javaPackage(), fingerprint)) {
      return new Unit(
          Target.PAYLOADS, where.file(), where.javaPackage(), true, 0, Duration.ZERO, null);
    }
    try {
      Fingerprints.deleteRecursively(packageDir);
      Path work = options.workDir().resolve("work").resolve(where.javaPackage());
      new PayloadGenerator().generate(contract, where, options.outputDir(), work);
      Fingerprints.deleteRecursively(work);
      int files;
      try (Stream<Path> s = Files.list(packageDir)) {
        files = (int) s.count();
      }
      fingerprints.record(Target.PAYLOADS.name(), where.javaPackage(), fingerprint);
      return new Unit(
          Target.PAYLOADS,
          where.file(),
          where.javaPackage(),
          false,
          files,
          Duration.ofNanos(System.nanoTime() - t0),
          null);
    } catch (IOException | RuntimeException e) {
      return new Unit(
          Target.PAYLOADS,
          where.file(),
          where.javaPackage(),
          false,
          0,
          Duration.ofNanos(System.nanoTime() - t0),
          "generation failed: " + e);
    }
  }

  private static String firstError(LoadResult loaded) {
    return loaded.diagnostics().stream()
        .filter(Diagnostic::isError)
        .findFirst()
        .map(d -> d.code() + ": " + d.message())
        .orElse("the contract could not be loaded");
  }

  private static List<Path> inputs(LoadResult loaded) {
    List<Path> in = new ArrayList<>();
    in.add(loaded.file());
    loaded.referencedFiles().stream().sorted().forEach(in::add);
    return in;
  }

  /** Contract files: {@code openapi/} and {@code asyncapi/} when present, else the whole folder. */
  static List<Path> files(Path dir) {
    List<Path> roots = new ArrayList<>();
    for (String sub : List.of("openapi", "asyncapi")) {
      if (Files.isDirectory(dir.resolve(sub))) {
        roots.add(dir.resolve(sub));
      }
    }
    if (roots.isEmpty()) {
      roots.add(dir);
    }
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(
                p -> {
                  String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                  return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                })
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static int copyTree(Path from, Path to) throws IOException {
    int[] count = {0};
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        count[0]++;
      }
    }
    return count[0];
  }

  static CodegenOptions parse(String[] args) {
    Path contracts = null;
    Path out = null;
    Path work = null;
    Set<Target> targets = EnumSet.of(Target.CLIENTS, Target.PAYLOADS);
    boolean force = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--contracts" -> contracts = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--force" -> force = true;
        case "--targets" -> {
          targets = EnumSet.noneOf(Target.class);
          for (String t : args[++i].split(",")) {
            targets.add(Target.valueOf(t.trim().toUpperCase(Locale.ROOT)));
          }
        }
        default -> throw new IllegalArgumentException("interlock-codegen: unknown argument " + a);
      }
    }
    if (contracts == null || contracts.toString().isBlank()) {
      String prop = System.getProperty("interlock.contracts");
      if (prop != null && !prop.isBlank()) {
        contracts = Path.of(prop);
      } else {
        String root = System.getProperty("maven.multiModuleProjectDirectory", ".");
        contracts = Path.of(root, "contracts");
      }
    }
    if (out == null) {
      out = Path.of("target/generated-sources/interlock");
    }
    if (work == null) {
      work = Path.of("target/interlock-codegen");
    }
    if (!Files.isDirectory(contracts)) {
      throw new IllegalArgumentException("interlock-codegen: no contracts folder at " + contracts);
    }
    return new CodegenOptions(contracts, out, work, targets, force);
  }
}
