package dev.interlock.cli;

import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.PactStubOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code interlock sandbox --pact PACT...}: what consumers expect, served beside the contract. */
final class SandboxPactOptions {

  @Option(
      names = "--pact",
      paramLabel = "PACT",
      description =
          "Also serve these pacts (files, or folders of *.json pacts) as a stub on a port of its own,"
              + " as 'interlock stub' does, on the same address and seed (repeatable).")
  List<Path> pacts = new ArrayList<>();

  /**
   * The stub, started as {@code interlock stub} starts it, when pacts were named.
   *
   * @throws UsageException when a pact cannot be used
   */
  Optional<PactStub> start(String bind, long seed, Console console) {
    if (pacts.isEmpty()) {
      return Optional.empty();
    }
    PactStubOptions options = PactStubOptions.defaults().withHost(bind).withSeed(seed);
    return Optional.of(StubCommand.serve(pacts, options, console));
  }
}
