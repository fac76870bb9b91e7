package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.manifest.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@code interlock new adapter} over a copy of the bundled contracts: the skeleton compiles against
 * the generated adapters (javax.tools, this test's class path standing in for the skeleton's pom,
 * whose interlock-maven-plugin builds the same classes), its consumer pact tests pass and write its
 * pacts, and {@code interlock verify} passes with them.
 */
class NewAdapterIT {

  @TempDir Path dir;

  @Test
  void theSkeletonCompilesItsPactTestsWriteItsPactsAndVerifyPasses() throws Exception {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));

    InitCommandTest.Finished made =
        InitCommandTest.run(
            "new",
            "adapter",
            "invoice-sync",
            "--uses",
            "payments,storefront",
            "--consumes",
            "storefront-webhooks/order.created",
            "--contracts",
            contracts.toString(),
            "--dir",
            dir.toString());

    assertThat(made.exit()).as(made.out() + made.err()).isEqualTo(ExitCode.OK);
    Path skeleton = dir.resolve("invoice-sync");
    assertThat(skeleton.resolve("pom.xml"))
        .content()
        .contains("<artifactId>interlock-maven-plugin</artifactId>", "<goal>generate</goal>");
    Path src = skeleton.resolve("src/main/java/com/example/invoicesync");
    assertThat(src.resolve("InvoiceSync.java"))
        .content()
        .contains("new dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter(runtime)")
        .contains(
            "on"
                + "OrderCreated(dev.interlock.clients.events.storefront_webhooks.OrderCreatedPayload event)");
    assertThat(src.resolve("OrderCreatedHandler.java")).exists();

    List<Diagnostic> problems = new ArrayList<>();
    Manifest manifest =
        InitCommandTest.readManifest(contracts.resolve("interlock.yaml"), problems).orElseThrow();
    assertThat(problems).isEmpty();
    Manifest.Adapter entry = manifest.adapters().get("invoice-sync");
    assertThat(entry.uses())
        .containsEntry("payments", "2025-01-15")
        .containsEntry("storefront", "v1");
    assertThat(entry.consumes()).containsExactly("storefront-webhooks/order.created");
    assertThat(manifest.adapters()).containsKey("order-sync");

    Path classes = compile(skeleton, dir.resolve("classes"));

    // the pact tests, not 'new adapter', must be what writes the pacts verify reads
    for (Path pact : entry.pacts()) {
      Files.delete(pact);
    }
    TestExecutionSummary pactTests = runTests(classes, contracts.resolve("pacts"));
    assertThat(pactTests.getTestsSucceededCount()).isEqualTo(2);
    assertThat(pactTests.getTotalFailureCount()).isZero();
    for (Path pact : entry.pacts()) {
      JsonNode written = new ObjectMapper().readTree(pact.toFile());
      assertThat(written.at("/metadata/pact-jvm/version").asText())
          .as(pact.toString())
          .isNotEmpty();
      assertThat(written.at("/consumer/name").asText()).isEqualTo("invoice-sync");
    }

    Path reports = dir.resolve("reports");
    InitCommandTest.Finished verified =
        InitCommandTest.run(
            "verify",
            "--contracts",
            contracts.toString(),
            "--seed",
            "7",
            "--reports",
            reports.toString());

    assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(ExitCode.OK);
    assertThat(reports.resolve("interlock-report.json"))
        .content()
        .contains("invoice-sync → payments: a request of invoice-sync to listCharges")
        .contains("invoice-sync → storefront: a request of invoice-sync to listOrders");
  }

  /** javac over every source of the skeleton, main and test, against this test's class path. */
  private static Path compile(Path skeleton, Path out) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(skeleton.resolve("src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                out.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-Xlint:none"));
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int exit = javac.run(null, messages, messages, args.toArray(String[]::new));
    assertThat(exit).as("javac: " + messages).isZero();
    assertThat(sources).hasSize(5);
    return out;
  }

  /**
   * The skeleton's pact tests through the JUnit Platform, Pact JVM writing into {@code pactDir}.
   */
  private static TestExecutionSummary runTests(Path classes, Path pactDir) throws Exception {
    String before = System.getProperty("pact.rootDir");
    System.setProperty("pact.rootDir", pactDir.toString());
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, NewAdapterIT.class.getClassLoader())) {
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(
                  selectClass(loader.loadClass("com.example.invoicesync.PaymentsConsumerPactTest")),
                  selectClass(
                      loader.loadClass("com.example.invoicesync.StorefrontConsumerPactTest")))
              .build(),
          listener);
      return listener.getSummary();
    } finally {
      if (before == null) {
        System.clearProperty("pact.rootDir");
      } else {
        System.setProperty("pact.rootDir", before);
      }
    }
  }
}
