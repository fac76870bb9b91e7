package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The storefront's webhook signature: {@code X-Storefront-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>}, verified over the bytes as received, in constant time.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Storefront-Signature";

  private final Secret secret;

  public WebhookSignature(Secret secret) {
    this.secret = secret;
  }

  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean verify(byte[] body, String header) {
    if (header == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII),
        header.trim().getBytes(StandardCharsets.US_ASCII));
  }
}
