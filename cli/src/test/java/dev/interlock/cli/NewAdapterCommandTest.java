package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code interlock new adapter} refuses, with exit 2 and nothing written. */
class NewAdapterCommandTest {

  @TempDir Path dir;

  private InitCommandTest.Finished newAdapter(Path contracts, String... more) {
    String[] base = {
      "new", "adapter", "invoice-sync", "--contracts", contracts.toString(), "--dir", dir.toString()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return InitCommandTest.run(args);
  }

  @Test
  void anUnknownVendorIsExitTwoNamingTheVendorsThereAre() throws IOException {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));
    String manifest = Files.readString(contracts.resolve("interlock.yaml"));

    InitCommandTest.Finished r = newAdapter(contracts, "--uses", "paymnets");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("no vendor 'paymnets'", "payments", "fulfilment");
    assertThat(contracts.resolve("interlock.yaml")).hasContent(manifest);
    assertThat(dir.resolve("invoice-sync")).doesNotExist();
  }

  @Test
  void anUnknownMessageIsExitTwoNamingTheMessagesThereAre() throws IOException {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));

    InitCommandTest.Finished r =
        newAdapter(contracts, "--uses", "payments", "--consumes", "storefront-webhooks/order.paid");

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("no message 'order.paid'", "order.created");
  }

  @Test
  void anAdapterTheManifestAlreadyHasIsExitTwo() throws IOException {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));

    InitCommandTest.Finished r =
        InitCommandTest.run(
            "new",
            "adapter",
            "order-sync",
            "--uses",
            "payments",
            "--contracts",
            contracts.toString(),
            "--dir",
            dir.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(r.err()).contains("already has an adapter 'order-sync'");
  }

  @Test
  void aVendorWithoutAParameterlessReadGetsItsAdapterWiredButNoPactAndSaysSo() throws IOException {
    Path contracts = CliFixtures.copyContracts(dir.resolve("contracts"));

    InitCommandTest.Finished r = newAdapter(contracts, "--uses", "fulfilment,accounting");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err())
        .contains(
            "no pact for fulfilment (its contract has no GET without path or required parameters")
        .contains("no pact for accounting (OAuth 2");
    assertThat(dir.resolve("invoice-sync/src/main/java/com/example/invoicesync/InvoiceSync.java"))
        .content()
        .contains("new dev.interlock.clients.fulfilment.v2.FulfilmentAdapter(runtime)")
        .contains("new dev.interlock.clients.accounting.v1.AccountingAdapter(runtime)");
    assertThat(contracts.resolve("interlock.yaml"))
        .content()
        .contains("\"invoice-sync\":", "uses: { \"fulfilment\": \"v2\", \"accounting\": \"v1\" }");
  }
}
