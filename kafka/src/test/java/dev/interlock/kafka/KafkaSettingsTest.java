package dev.interlock.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.adapters.SecretResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void saslAndTlsSecretsComeFromReferencesAndNeverShowInToString() throws Exception {
    JsonNode node =
        JSON.readTree(
            """
            {"bootstrap":"broker-1:9093,broker-2:9093",
             "sasl":{"mechanism":"SCRAM-SHA-512","username":"interlock","password":"env:KAFKA_PASSWORD"},
             "tls":{"truststore":"/etc/kafka/truststore.p12","truststorePassword":"env:TRUST_PW"}}
            """);
    SecretResolver secrets =
        SecretResolver.of(Map.of("KAFKA_PASSWORD", "s3cr3t-pw", "TRUST_PW", "tr-pw"), null, null);
    KafkaSettings settings = KafkaSettings.fromManifest(node, secrets, "events.internal.kafka");
    var props = settings.clientProperties();
    assertThat(props.getProperty("bootstrap.servers")).isEqualTo("broker-1:9093,broker-2:9093");
    assertThat(props.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(props.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(props.getProperty("sasl.jaas.config"))
        .contains("ScramLoginModule required", "username=\"interlock\"", "password=\"s3cr3t-pw\"");
    assertThat(props.getProperty("ssl.truststore.password")).isEqualTo("tr-pw");
    assertThat(settings.toString())
        .contains("env:KAFKA_PASSWORD")
        .doesNotContain("s3cr3t-pw", "tr-pw");
    assertThat(settings.withBootstrap("other:9093").toString())
        .startsWith("other:9093")
        .doesNotContain("s3cr3t-pw");
  }

  @Test
  void anUnsetReferenceIsReportedWithItsPlaceInTheManifest() throws Exception {
    JsonNode node =
        JSON.readTree(
            "{\"bootstrap\":\"b:9092\",\"sasl\":{\"mechanism\":\"PLAIN\",\"username\":\"u\","
                + "\"password\":\"env:MISSING_KAFKA_PW\"}}");
    assertThatThrownBy(
            () ->
                KafkaSettings.fromManifest(
                    node, SecretResolver.of(Map.of(), null, null), "events.internal.kafka"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("events.internal.kafka.sasl.password: ")
        .hasMessageContaining("env:MISSING_KAFKA_PW");
  }
}
