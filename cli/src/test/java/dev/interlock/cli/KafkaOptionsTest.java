package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad Kafka options are usage errors (exit 2) said before anything starts. */
class KafkaOptionsTest {

  @Test
  void anUnknownKafkaDeliveryIsAUsageErrorNamingTheKnownOnes() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {"sandbox", "--kafka", "embedded", "--kafka-delivery", "sometimes"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(out.toString() + err.toString())
        .contains("--kafka-delivery: unknown delivery 'sometimes'")
        .contains("in-order, duplicates, reordered, flaky")
        .doesNotContain("Exception");
  }

  @Test
  void aBlankKafkaBootstrapIsAUsageError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        InterlockCommand.run(
            new String[] {
              "verify", "--contracts", Fixtures.bundledContracts().toString(), "--kafka", " "
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(exit).isEqualTo(ExitCode.UNUSABLE_INPUT);
    assertThat(out.toString() + err.toString()).contains("--kafka: give host:port");
  }
}
