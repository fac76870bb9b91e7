package dev.interlock.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.adapters.SecretResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach a Kafka cluster: the bootstrap servers and the client's security settings (SASL,
 * TLS), secrets resolved from the manifest's {@code env:}/{@code file:} references. {@link
 * #toString()} names the references, never the secrets.
 *
 * @param bootstrap {@code host:port[,host:port...]}, or {@value KafkaBroker#EMBEDDED}
 * @param security Kafka client properties ({@code security.protocol}, {@code sasl.*}, {@code
 *     ssl.*}); values may be secrets
 * @param described the settings as the user wrote them (references, not values), for messages
 */
public record KafkaSettings(String bootstrap, Map<String, String> security, String described) {

  public KafkaSettings {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("a Kafka bootstrap address is needed (host:port)");
    }
    security = Map.copyOf(security);
  }

  /** A cluster without security settings (PLAINTEXT), or {@code embedded}. */
  public static KafkaSettings of(String bootstrap) {
    return new KafkaSettings(bootstrap, Map.of(), bootstrap);
  }

  /**
   * Reads {@code events.<system>.kafka} of the manifest: {@code bootstrap}, {@code
   * securityProtocol}, {@code sasl: {mechanism, username, password}}, {@code tls: {truststore,
   * truststorePassword, keystore, keystorePassword, keyPassword}}.
   *
   * @param where the node's place in the manifest, for messages ({@code events.internal.kafka})
   * @throws IllegalArgumentException naming the setting when a reference cannot be resolved
   */
  public static KafkaSettings fromManifest(JsonNode node, SecretResolver secrets, String where) {
    String bootstrap = node.path("bootstrap").asText("");
    Map<String, String> security = new LinkedHashMap<>();
    StringBuilder described = new StringBuilder(bootstrap);
    JsonNode sasl = node.path("sasl");
    JsonNode tls = node.path("tls");
    String protocol =
        node.path("securityProtocol")
            .asText(
                sasl.isObject()
                    ? (tls.isObject() ? "SASL_SSL" : "SASL_PLAINTEXT")
                    : (tls.isObject() ? "SSL" : ""));
    if (!protocol.isEmpty()) {
      security.put("security.protocol", protocol);
      described.append(" ").append(protocol);
    }
    if (sasl.isObject()) {
      String mechanism = sasl.path("mechanism").asText("PLAIN");
      String module =
          mechanism.startsWith("SCRAM")
              ? "org.apache.kafka.common.security.scram.ScramLoginModule"
              : "org.apache.kafka.common.security.plain.PlainLoginModule";
      String password = resolve(secrets, sasl.path("password"), where + ".sasl.password");
      security.put("sasl.mechanism", mechanism);
      security.put(
          "sasl.jaas.config",
          module
              + " required username=\""
              + jaasEscape(sasl.path("username").asText())
              + "\" password=\""
              + jaasEscape(password)
              + "\";");
      described
          .append(" sasl ")
          .append(mechanism)
          .append(" password ")
          .append(sasl.path("password").asText());
    }
    if (tls.isObject()) {
      putPath(security, "ssl.truststore.location", tls.path("truststore"));
      putPath(security, "ssl.keystore.location", tls.path("keystore"));
      putSecret(security, secrets, "ssl.truststore.password", tls, "truststorePassword", where);
      putSecret(security, secrets, "ssl.keystore.password", tls, "keystorePassword", where);
      putSecret(security, secrets, "ssl.key.password", tls, "keyPassword", where);
      described.append(" tls");
    }
    if (bootstrap.isBlank()) {
      throw new IllegalArgumentException(where + ".bootstrap: a bootstrap address is needed");
    }
    return new KafkaSettings(bootstrap, security, described.toString());
  }

  /** The same security settings on another cluster (the {@code --kafka} option wins). */
  public KafkaSettings withBootstrap(String newBootstrap) {
    return new KafkaSettings(newBootstrap, security, described.replaceFirst("^\\S*", newBootstrap));
  }

  public boolean isEmbedded() {
    return KafkaBroker.EMBEDDED.equals(bootstrap);
  }

  /** Client properties for producers, consumers and the admin client alike. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.putAll(security);
    return p;
  }

  @Override
  public String toString() {
    return described;
  }

  private static String resolve(SecretResolver secrets, JsonNode reference, String where) {
    try {
      return secrets.resolve(reference.asText(null)).reveal();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static void putSecret(
      Map<String, String> out,
      SecretResolver secrets,
      String property,
      JsonNode tls,
      String field,
      String where) {
    if (tls.has(field)) {
      out.put(property, resolve(secrets, tls.get(field), where + ".tls." + field));
    }
  }

  private static void putPath(Map<String, String> out, String property, JsonNode value) {
    if (value.isTextual()) {
      out.put(property, value.asText());
    }
  }

  private static String jaasEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
