package dev.interlock.adapters.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox credentials a state folder keeps for the runs resumed in it. */
class SandboxSecretsTest {

  static final Path CONTRACTS =
      Path.of(System.getProperty("interlock.root", "..")).resolve("contracts").toAbsolutePath();

  static Manifest manifest() {
    return new ContractLoader(LoadOptions.forRoot(CONTRACTS))
        .loadAll(List.of(CONTRACTS))
        .manifest()
        .orElseThrow();
  }

  @Test
  void aResumedRunPresentsTheCredentialsOfTheFirstRunInTheStateFolder(@TempDir Path state)
      throws Exception {
    Manifest manifest = manifest();
    Path file = SandboxSecrets.write(manifest, state);
    String first = Files.readString(file);

    SandboxSecrets.write(manifest, state);

    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(first).contains("PAYMENTS_API_KEY=sbx_", "STOREFRONT_WEBHOOK_SECRET=whsec_");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingCredentialIsAddedAndTheOthersAreKept(@TempDir Path state) throws Exception {
    Files.writeString(state.resolve("sandbox-secrets.properties"), "PAYMENTS_API_KEY=sbx_kept\n");

    Path file = SandboxSecrets.write(manifest(), state);

    String text = Files.readString(file);
    assertThat(text).contains("PAYMENTS_API_KEY=sbx_kept", "FULFILMENT_API_KEY=sbx_");
    assertThat(state.resolve("sandbox-secrets.properties.new")).doesNotExist();
  }
}
