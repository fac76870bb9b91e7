package com.example.shop.ordertocash;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The storefront's webhook signature: {@code X-Storefront-Signature: sha256=<lower-case hex
 * HMAC-SHA256 of the raw body>}, keyed with the shop's webhook secret. Checked over the bytes as
 * received, before any parsing, in constant time.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Storefront-Signature";

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public WebhookSignature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The header value the storefront sends for this body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(body));
  }

  /** Whether the header value is this body's signature; false for a missing or malformed one. */
  public boolean matches(byte[] body, String header) {
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(body), claimed);
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // every Java SE runtime has HmacSHA256, and any non-empty key suits it
      throw new IllegalStateException(e);
    }
  }
}
