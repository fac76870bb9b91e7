package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * The scalars of {@link SchemaSynthesizer}: integers and numbers within their bounds and multiples
 * (integer timestamps near the sandbox clock), strings from their pattern, their format, their
 * property's name, else a word; and a scalar schema's own example, where it fits the schema.
 */
final class ScalarSynthesizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final VendorValues values;

  ScalarSynthesizer(VendorValues values) {
    this.values = values;
  }

  JsonNode integer(JsonNode schema, SplittableRandom random, String name) {
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    if (schema.has("minimum")) {
      min = (long) Math.ceil(schema.get("minimum").asDouble());
      if (schema.path("exclusiveMinimum").asBoolean(false)) {
        min++;
      }
    }
    if (schema.path("exclusiveMinimum").isNumber()) {
      min = Math.max(min, (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1);
    }
    if (schema.has("maximum")) {
      max = (long) Math.floor(schema.get("maximum").asDouble());
      if (schema.path("exclusiveMaximum").asBoolean(false)) {
        max--;
      }
    }
    if (schema.path("exclusiveMaximum").isNumber()) {
      max = Math.min(max, (long) Math.ceil(schema.get("exclusiveMaximum").asDouble()) - 1);
    }
    if ("int32".equals(schema.path("format").asText())) {
      min = Math.max(min, Integer.MIN_VALUE);
      max = Math.min(max, Integer.MAX_VALUE);
    }
    Long timestamp = values.timestamp(name, schema, random);
    if (timestamp != null && timestamp >= min && timestamp <= max) {
      return NODES.numberNode(timestamp);
    }
    long lo = min == Long.MIN_VALUE ? (max == Long.MAX_VALUE ? 1 : Math.min(1, max)) : min;
    if (lo > max) {
      lo = max;
    }
    long hi = max == Long.MAX_VALUE ? lo + 999 : Math.min(max, lo + 999);
    long value = hi > lo ? lo + random.nextLong(hi - lo + 1) : lo;
    long multipleOf = schema.path("multipleOf").asLong(0);
    if (multipleOf > 0) {
      long m = Math.floorDiv(value, multipleOf) * multipleOf;
      value = m < lo ? m + multipleOf : m;
    }
    return NODES.numberNode(value);
  }

  JsonNode number(JsonNode schema, SplittableRandom random) {
    double min = schema.has("minimum") ? schema.get("minimum").asDouble() : Double.NaN;
    double max = schema.has("maximum") ? schema.get("maximum").asDouble() : Double.NaN;
    if (schema.path("exclusiveMinimum").isNumber()) {
      min = schema.get("exclusiveMinimum").asDouble();
    }
    if (schema.path("exclusiveMaximum").isNumber()) {
      max = schema.get("exclusiveMaximum").asDouble();
    }
    double lo = Double.isNaN(min) ? (Double.isNaN(max) ? 1 : Math.min(1, max - 1)) : min;
    double hi = Double.isNaN(max) ? lo + 1000 : max;
    double value = lo + (hi - lo) * (0.1 + 0.8 * random.nextDouble());
    if (schema.path("multipleOf").isNumber()) {
      BigDecimal m = schema.get("multipleOf").decimalValue();
      BigDecimal v = BigDecimal.valueOf(value).divide(m, 0, RoundingMode.CEILING).multiply(m);
      return NODES.numberNode(v);
    }
    BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    if (v.doubleValue() <= lo || v.doubleValue() >= hi) {
      v = BigDecimal.valueOf((lo + hi) / 2);
    }
    return NODES.numberNode(v);
  }

  JsonNode string(JsonNode schema, SplittableRandom random, String name) {
    int minLength = schema.path("minLength").asInt(0);
    int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    String format = schema.path("format").asText("");
    String pattern = schema.path("pattern").asText(null);
    String value = null;
    if (pattern != null) {
      value = RegexSampler.sample(pattern, random);
      if (value != null && value.length() >= minLength && value.length() <= maxLength) {
        return NODES.textNode(value);
      }
      value = null;
    }
    value = values.byFormat(format, name, random);
    if (value == null) {
      value = values.byName(name, schema, random);
    }
    if (value == null) {
      String prefix = name == null ? "" : name.replaceAll("[^A-Za-z0-9]", "");
      prefix = prefix.length() > 8 ? prefix.substring(0, 8) : prefix;
      value = (prefix.isEmpty() ? "" : prefix + "_") + VendorValues.word(random, 10);
    }
    if (value.length() < minLength) {
      StringBuilder b = new StringBuilder(value);
      while (b.length() < minLength) {
        b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
      }
      value = b.toString();
    }
    if (value.length() > maxLength) {
      value = value.substring(0, maxLength);
    }
    return NODES.textNode(value);
  }

  /** The schema's own example for scalar schemas (3.0 {@code example}, 3.1 {@code examples}). */
  static JsonNode example(JsonNode schema) {
    JsonNode example = schema.get("example");
    if (example == null && schema.path("examples").isArray() && schema.get("examples").size() > 0) {
      example = schema.get("examples").get(0);
    }
    if (example == null || example.isContainerNode() || example.isNull()) {
      return null;
    }
    if (schema.has("pattern") && example.isTextual()) {
      try {
        if (!java.util.regex.Pattern.compile(schema.get("pattern").asText())
            .matcher(example.asText())
            .find()) {
          return null;
        }
      } catch (RuntimeException e) {
        return null;
      }
    }
    if (example.isTextual()) {
      int len = example.asText().length();
      if (len < schema.path("minLength").asInt(0)
          || len > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
        return null;
      }
    }
    if (example.isNumber()) {
      if (schema.has("minimum") && example.asDouble() < schema.get("minimum").asDouble()) {
        return null;
      }
      if (schema.has("maximum") && example.asDouble() > schema.get("maximum").asDouble()) {
        return null;
      }
    }
    return example;
  }
}
