package dev.interlock.cli;

import dev.interlock.cli.scaffold.AdapterModel;
import dev.interlock.cli.scaffold.AdapterModels;
import dev.interlock.cli.scaffold.AdapterSkeleton;
import dev.interlock.cli.scaffold.ManifestEdit;
import dev.interlock.cli.scaffold.ManifestText;
import dev.interlock.cli.scaffold.PactFiles;
import dev.interlock.cli.scaffold.ScaffoldException;
import dev.interlock.cli.scaffold.ScaffoldFiles;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.DiagnosticRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interlock new}: scaffolds built from the contracts. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Write a new piece of an integration from the contracts.",
    subcommands = {NewCommand.Adapter.class, CommandLine.HelpCommand.class})
public final class NewCommand {

  /**
   * {@code interlock new adapter NAME --uses VENDOR[,VENDOR]}: a runnable adapter skeleton over the
   * generated adapters, its first consumer pacts, and its entry in the manifest.
   */
  @Command(
      name = "adapter",
      mixinStandardHelpOptions = true,
      description = {
        "Write an adapter skeleton (pom, adapter over the generated vendor adapters, event handler,"
            + " consumer pact tests), its pacts, and its entry under the manifest's adapters.",
        "Exit 0 written, 2 unknown vendor or event, or a file would be overwritten."
      })
  static final class Adapter implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The adapter's id, e.g. invoice-sync.")
    String name;

    @Option(
        names = "--uses",
        paramLabel = "VENDOR[@VERSION]",
        split = ",",
        required = true,
        description =
            "Vendors of the manifest it calls (default version: the newest not deprecated).")
    List<String> uses = new ArrayList<>();

    @Option(
        names = "--consumes",
        paramLabel = "SYSTEM/EVENT",
        description = "The AsyncAPI message it handles, e.g. storefront-webhooks/order.created.")
    String consumes;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Where the skeleton's folder NAME is written (default: the current folder).",
        defaultValue = ".")
    Path dir;

    @Option(
        names = "--contracts",
        paramLabel = "DIR",
        description = "The contracts folder (default: ${DEFAULT-VALUE}).",
        defaultValue = "contracts")
    Path contracts;

    @Option(
        names = "--package",
        paramLabel = "JAVA-PACKAGE",
        description = "The skeleton's Java package (default: com.example.<name>).")
    String javaPackage;

    @Mixin LoadingOptions loading;

    @Override
    public Integer call() {
      Console console =
          new Console(
              spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
      if (!Files.isRegularFile(contracts.resolve(ContractLoader.MANIFEST_NAME))) {
        throw new UsageException(
            contracts + ": no interlock.yaml here (pass --contracts DIR, or run 'interlock init')");
      }
      ContractSet set = new ContractLoader(loading.forRoot(contracts)).loadAll(List.of(contracts));
      if (set.hasErrors()) {
        console
            .out()
            .print(DiagnosticRenderer.relativeToWorkingDirectory().render(set.diagnostics()));
        throw new UsageException(
            contracts + ": the contracts above cannot be used; nothing was written");
      }
      String pkg =
          javaPackage != null ? javaPackage : "com.example." + name.replaceAll("[^a-z0-9]", "");
      AdapterModel model;
      try {
        model = AdapterModels.read(set, name, pkg, uses, Optional.ofNullable(consumes));
      } catch (ScaffoldException e) {
        throw new UsageException(e.getMessage());
      }
      Path folder = dir.resolve(name);
      Path relativeContracts =
          folder.toAbsolutePath().normalize().relativize(contracts.toAbsolutePath().normalize());
      Map<String, String> skeleton =
          new AdapterSkeleton(
                  model, relativeContracts.toString(), InterlockCommand.Version.version())
              .files();
      Map<String, String> pacts = new LinkedHashMap<>();
      List<String> pactNames = new ArrayList<>();
      for (AdapterModel.VendorUse use : model.vendors()) {
        if (use.pact().isPresent()) {
          pacts.put(PactFiles.fileName(model, use), PactFiles.json(model, use, use.pact().get()));
          pactNames.add(PactFiles.fileName(model, use));
        } else {
          console
              .err()
              .println(
                  "new adapter: no pact for "
                      + use.vendor()
                      + " ("
                      + noPactReason(use)
                      + "); add an interaction to its test by hand");
        }
      }
      List<Path> existing = new ArrayList<>(ScaffoldFiles.existing(folder, skeleton));
      existing.addAll(ScaffoldFiles.existing(contracts, pacts));
      if (!existing.isEmpty()) {
        throw new UsageException("these files exist already; nothing was written: " + existing);
      }
      List<Path> written = new ArrayList<>(ScaffoldFiles.write(contracts, pacts));
      Map<String, String> used = new LinkedHashMap<>();
      model.vendors().forEach(u -> used.put(u.vendor(), u.version()));
      try {
        ManifestEdit.addAdapter(
            contracts.resolve(ContractLoader.MANIFEST_NAME),
            ManifestText.adapter(
                name,
                Optional.ofNullable(consumes).map(List::of).orElse(List.of()),
                used,
                pactNames));
      } catch (ScaffoldException e) {
        throw new UsageException(e.getMessage());
      }
      written.addAll(ScaffoldFiles.write(folder, skeleton));
      DiagnosticRenderer paths = DiagnosticRenderer.relativeToWorkingDirectory();
      written.forEach(
          p -> console.out().println("wrote " + paths.displayPath(p.toAbsolutePath().normalize())));
      console
          .out()
          .println(
              "updated "
                  + paths.displayPath(
                      contracts.resolve(ContractLoader.MANIFEST_NAME).toAbsolutePath().normalize())
                  + " (adapters."
                  + name
                  + ")");
      console.out().println("next:");
      console
          .out()
          .println(
              "  (cd "
                  + paths.displayPath(folder.toAbsolutePath().normalize())
                  + " && mvn verify)   # generate, compile, run the pact tests");
      console
          .out()
          .println(
              "  interlock verify --contracts "
                  + paths.displayPath(contracts.toAbsolutePath().normalize()));
      return ExitCode.OK;
    }

    private static String noPactReason(AdapterModel.VendorUse use) {
      return use.auth().type().startsWith("oauth2")
          ? "OAuth 2: the token exchange needs an interaction of its own first"
          : "its contract has no GET without path or required parameters to start from";
    }
  }
}
