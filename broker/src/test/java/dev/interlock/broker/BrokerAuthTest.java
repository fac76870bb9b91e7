package dev.interlock.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BrokerAuthTest {

  @Test
  void basicAuthNeverShowsThePasswordAndRedactsItsEncodedForm() {
    BrokerAuth auth = BrokerAuth.basic("ci", "hunter2hunter2");
    String header = auth.authorization().orElseThrow();
    BrokerConnection connection =
        BrokerConnection.of(URI.create("https://broker.example.com")).withAuth(auth);

    assertThat(auth.toString()).doesNotContain("hunter2");
    assertThat(
            connection.redactor().redactText("sent " + header.substring(6) + " and hunter2hunter2"))
        .doesNotContain("hunter2hunter2")
        .doesNotContain(header.substring(6));
  }
}
