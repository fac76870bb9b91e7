package dev.interlock.cli;

import dev.interlock.mocks.PactStub;
import dev.interlock.mocks.PactStubOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interlock stub}: pacts served as a stub, each interaction's request answered. */
@Command(
    name = "stub",
    mixinStandardHelpOptions = true,
    description = {
      "Serve pacts as a stub: each HTTP interaction's request is answered with its response,",
      "Pact matching rules honoured; a provider state is chosen with a request header.",
      "A request no interaction matches gets a problem+json saying why, per candidate.",
      "Prints the base URL and the interaction count, and runs until Ctrl-C."
    })
public final class StubCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PACT",
      description = "Pact files (V1 to V4), or folders whose *.json pacts are all served.")
  List<Path> pacts = new ArrayList<>();

  @Option(names = "--port", description = "Port (default: a free one).", defaultValue = "0")
  int port;

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to bind (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--provider-state-header",
      paramLabel = "NAME",
      description =
          "Request header naming the provider state to answer (default: ${DEFAULT-VALUE}).",
      defaultValue = PactStubOptions.DEFAULT_PROVIDER_STATE_HEADER)
  String providerStateHeader;

  @Option(names = "--cors", description = "Answer CORS preflight requests, allow every origin.")
  boolean cors;

  @Option(
      names = "--seed",
      description = "Seed of the values random generators produce (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Override
  public Integer call() throws InterruptedException {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    PactStub stub = start(console);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stub.close();
                  stopped.countDown();
                },
                "interlock-stub-shutdown"));
    console.out().println("Ctrl-C to stop");
    console.out().flush();
    stopped.await();
    return ExitCode.OK;
  }

  /** Reads the pacts and starts the stub; prints where it listens and what it serves. */
  PactStub start(Console console) {
    PactStubOptions options;
    try {
      options =
          PactStubOptions.defaults()
              .withHost(host)
              .withPort(port)
              .withProviderStateHeader(providerStateHeader)
              .withCors(cors)
              .withSeed(seed);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return serve(pacts, options, console);
  }

  /**
   * Starts a stub of the named pacts (files, or folders of {@code *.json} pacts) and prints where
   * it listens and what it serves; {@code interlock sandbox --pact} serves them the same way.
   */
  static PactStub serve(List<Path> named, PactStubOptions options, Console console) {
    List<Path> files = files(named);
    PactStub stub;
    try {
      stub = PactStub.start(files, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    stub.notes().forEach(n -> console.err().println("note: " + n));
    console
        .out()
        .printf(
            "%s  %d interactions from %d pact%s · seed %d · provider state header %s%n",
            stub.baseUri(),
            stub.interactionCount(),
            files.size(),
            files.size() == 1 ? "" : "s",
            options.seed(),
            options.providerStateHeader());
    console.out().flush();
    return stub;
  }

  /** The files named, a folder standing for its {@code *.json} files (sorted, recursively). */
  private static List<Path> files(List<Path> named) {
    List<Path> out = new ArrayList<>();
    for (Path p : named) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        List<Path> found =
            walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json"))
                .sorted()
                .toList();
        if (found.isEmpty()) {
          throw new UsageException(p + ": no *.json pact in this folder");
        }
        out.addAll(found);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
