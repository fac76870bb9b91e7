package com.example.shop.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private final WebhookSignature signature = new WebhookSignature(TestOrders.CONTRACT_SECRET);

  @Test
  void signsTheContractExampleExactlyAsTheStorefrontDocumentsIt() {
    // the signature of the two_mugs_to_berlin example in asyncapi/storefront-webhooks.yaml
    assertThat(signature.sign(TestOrders.exampleBody()))
        .isEqualTo("sha256=bc9a1493e82c77260e0059608ecf46f721a82ad8a811ebf9787b4e81d984419b");
  }

  @Test
  void acceptsTheSignatureOfTheBodyAsReceived() {
    byte[] body = TestOrders.exampleBody();
    assertThat(signature.matches(body, signature.sign(body))).isTrue();
  }

  @Test
  void refusesABodyChangedByOneByte() {
    byte[] body = TestOrders.exampleBody();
    String header = signature.sign(body);
    byte[] changed = Arrays.copyOf(body, body.length);
    changed[changed.length - 3] = (byte) '9'; // the seconds of createdAt
    assertThat(signature.matches(changed, header)).isFalse();
  }

  @Test
  void refusesMissingAndMalformedHeaders() {
    byte[] body = TestOrders.exampleBody();
    String hex = signature.sign(body).substring("sha256=".length());
    assertThat(signature.matches(body, null)).isFalse();
    assertThat(signature.matches(body, "")).isFalse();
    assertThat(signature.matches(body, hex)).isFalse();
    assertThat(signature.matches(body, "sha1=" + hex)).isFalse();
    assertThat(signature.matches(body, "sha256=not-hex")).isFalse();
    assertThat(signature.matches(body, "sha256=" + hex.substring(2))).isFalse();
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String forged = new WebhookSignature("someone-elses-secret").sign(body);
    assertThat(signature.matches(body, forged)).isFalse();
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> new WebhookSignature(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhook secret is empty");
  }
}
