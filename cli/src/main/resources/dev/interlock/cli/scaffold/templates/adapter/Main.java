package ${package};

import dev.interlock.adapters.AdapterRuntime;
import dev.interlock.adapters.Credentials;
import dev.interlock.adapters.PolicyOverrides;
import dev.interlock.adapters.SecretResolver;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.ReadResult;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.manifest.ManifestReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link ${type}}: {@code --contracts DIR} (default {@code ${contractsPath}}), {@code --endpoint
 * VENDOR=URL} per vendor (default: the contract's first server), credentials from the manifest's
 * {@code env:}/{@code file:} names. ${mainSentence}
 */
public final class ${type}Main {

  private ${type}Main() {}

  public static void main(String[] args) throws Exception {
    Path contracts = Path.of("${contractsPath}");
    Map<String, String> endpoints = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--contracts" -> contracts = Path.of(args[i + 1]);
        case "--endpoint" -> {
          String[] pair = args[i + 1].split("=", 2);
          endpoints.put(pair[0], pair[1]);
        }
        default -> {
          System.err.println("${name}: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    Path root = contracts;
    Manifest manifest = manifest(root.resolve(ContractLoader.MANIFEST_NAME));
    SecretResolver secrets = SecretResolver.fromEnvironment(null, root);
    AdapterRuntime.Builder runtime = AdapterRuntime.builder(${type}.NAME).log(System.err::println);
    for (String vendor : ${type}.VENDORS) {
      Manifest.Vendor v = manifest.vendors().get(vendor);
      Manifest.VendorVersion version = v.versions().get(${type}.USES.get(vendor));
      runtime
          .endpoint(vendor, Optional.ofNullable(endpoints.get(vendor)).orElseGet(() -> server(root, version)))
          .credentials(vendor, Credentials.fromManifest(v.auth(), secrets))
          .overrides(vendor, PolicyOverrides.fromManifest(v.policy()));
    }
    ${type} adapter = new ${type}(runtime.build());
${mainBody}  }

  /** The manifest, read and validated by Interlock's own reader. */
  private static Manifest manifest(Path file) {
    List<Diagnostic> problems = new ArrayList<>();
    ReadResult read = new DocumentReader().read(file);
    problems.addAll(read.diagnostics());
    Optional<Manifest> manifest = read.document().flatMap(d -> new ManifestReader().read(d, problems));
    if (manifest.isEmpty()) {
      System.err.print(DiagnosticRenderer.relativeToWorkingDirectory().render(problems));
      System.exit(2);
    }
    return manifest.get();
  }

  /** The first server of the vendor's contract. */
  private static String server(Path contracts, Manifest.VendorVersion version) {
    var loaded = new ContractLoader(LoadOptions.forRoot(contracts)).load(version.contract());
    return loaded.contract()
        .filter(OpenApiContract.class::isInstance)
        .map(c -> ((OpenApiContract) c).model().getServers().get(0).getUrl())
        .orElseThrow(() -> new IllegalStateException(version.contract() + ": no server; pass --endpoint"));
  }
}
