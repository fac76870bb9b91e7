package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Values shaped like the ones a vendor sends, for a schema that allows them: by format ({@code
 * email}, {@code uuid}, {@code uri}, {@code date}, {@code date-time}, {@code ipv4}, {@code
 * unix-time}, ...), else by what the property's name says it holds (an email, a person's name, a
 * phone number in E.164, a URL, an ISO 4217 currency, an ISO 3166 country, a locale), ids with the
 * prefix the contract's own examples use for that kind of object, and timestamps near the sandbox's
 * clock (in the past, or ahead for names such as {@code expires_at}). Every choice comes from the
 * random source passed in: the same seed and clock give the same values.
 */
final class VendorValues {

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String MIXED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<String> FIRST =
      List.of("Jenny", "Ada", "Grace", "Alan", "Linus", "Margaret", "Tim", "Barbara");
  private static final List<String> LAST =
      List.of("Rosen", "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Berners", "Liskov");
  private static final List<String> COMPANIES =
      List.of("Acme Corp", "Globex Ltd", "Initech GmbH", "Umbrella BV", "Hooli Inc");
  private static final List<String> CURRENCIES =
      List.of("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK");
  private static final List<String> COUNTRIES =
      List.of("US", "DE", "GB", "FR", "NL", "IE", "ES", "IT", "CA", "AU");
  private static final List<String> CITIES =
      List.of("San Francisco", "Berlin", "London", "Paris", "Amsterdam", "Dublin");
  private static final List<String> FUTURE_WORDS =
      List.of("expire", "expiry", "due", "until", "end", "next", "renew", "deadline", "valid_to");
  private static final Duration SPAN = Duration.ofDays(30);

  private final ContractVocabulary vocabulary;
  private final Instant anchor;

  /**
   * @param anchor the sandbox clock's now when the sandbox started, truncated to the day so the
   *     same seed gives the same values all day
   */
  VendorValues(ContractVocabulary vocabulary, Instant anchor) {
    this.vocabulary = vocabulary;
    this.anchor = anchor.truncatedTo(ChronoUnit.DAYS);
  }

  /** A string for a known format, null for an unknown one. */
  String byFormat(String format, String name, SplittableRandom random) {
    return switch (format) {
      case "date-time" -> instant(name, random).toString();
      case "date" -> LocalDate.ofInstant(instant(name, random), ZoneOffset.UTC).toString();
      case "time" ->
          String.format(
              "%02d:%02d:%02dZ", random.nextInt(24), random.nextInt(60), random.nextInt(60));
      case "unix-time", "timestamp" -> String.valueOf(instant(name, random).getEpochSecond());
      case "uuid" -> uuid(random);
      case "email", "idn-email" -> email(random);
      case "uri", "url", "iri", "uri-reference", "iri-reference" -> url(name, random);
      case "hostname", "idn-hostname" -> word(random, 8) + ".example.com";
      case "ipv4" -> "192.0.2." + (1 + random.nextInt(254));
      case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
      case "byte" ->
          Base64.getEncoder().encodeToString(word(random, 9).getBytes(StandardCharsets.US_ASCII));
      case "duration" -> "PT" + (1 + random.nextInt(59)) + "M";
      case "currency", "iso-4217" -> currency(null, random);
      case "country", "iso-3166", "iso-3166-alpha-2" -> country(null, random);
      case "phone", "tel" -> phone(random);
      default -> null;
    };
  }

  /** A string for what the property's name says it holds, null when the name says nothing. */
  String byName(String property, JsonNode schema, SplittableRandom random) {
    if (property == null) {
      return null;
    }
    String name = fold(property);
    String description = schema.path("description").asText("");
    if (name.contains("email")) {
      return email(random);
    }
    if (name.contains("phone") || name.equals("mobile") || name.equals("fax")) {
      return phone(random);
    }
    if (name.endsWith("url")
        || name.endsWith("uri")
        || name.equals("website")
        || name.equals("homepage")
        || name.equals("href")) {
      return url(property, random);
    }
    if (name.endsWith("currency")) {
      return currency(description, random);
    }
    if (name.endsWith("country") || name.equals("countrycode")) {
      return country(description, random);
    }
    if (name.equals("firstname") || name.equals("givenname")) {
      return pick(FIRST, random);
    }
    if (name.equals("lastname") || name.equals("familyname") || name.equals("surname")) {
      return pick(LAST, random);
    }
    if (name.equals("name")
        || name.equals("fullname")
        || name.equals("displayname")
        || name.endsWith("customername")
        || name.endsWith("billingname")) {
      return pick(FIRST, random) + " " + pick(LAST, random);
    }
    if (name.equals("company")
        || name.equals("companyname")
        || name.equals("businessname")
        || name.equals("organization")
        || name.equals("organisation")) {
      return pick(COMPANIES, random);
    }
    if (name.equals("city") || name.equals("locality")) {
      return pick(CITIES, random);
    }
    if (name.equals("postalcode")
        || name.equals("zip")
        || name.equals("zipcode")
        || name.equals("postcode")) {
      return String.valueOf(10000 + random.nextInt(89999));
    }
    if (name.equals("line1") || name.equals("street") || name.equals("addressline1")) {
      return (1 + random.nextInt(998)) + " Market Street";
    }
    if (name.equals("locale")) {
      return "en-US";
    }
    if (name.equals("language")) {
      return "en";
    }
    if (name.equals("timezone")) {
      return "Europe/Berlin";
    }
    // a field named after a kind of object holds that object's id: customer, customer_id
    String kind =
        name.endsWith("id") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
    return vocabulary.idPrefix(kind).map(p -> p + opaque(random, 14)).orElse(null);
  }

  /**
   * The id of an object of a kind ({@code customer}, or its schema's name): the contract's prefix
   * for it and an opaque rest, else a UUID (the shape most vendors' ids take).
   */
  String id(String kind, int maxLength, SplittableRandom random) {
    String prefix = vocabulary.idPrefix(kind).orElse(null);
    if (prefix != null) {
      return prefix + opaque(random, Math.max(4, Math.min(14, maxLength - prefix.length())));
    }
    return maxLength >= 36 ? uuid(random) : opaque(random, Math.max(1, Math.min(16, maxLength)));
  }

  /** Unix seconds near the clock where the format or the name says timestamp, else null. */
  Long timestamp(String property, JsonNode schema, SplittableRandom random) {
    String format = schema.path("format").asText("");
    boolean byFormat = format.equals("unix-time") || format.equals("timestamp");
    if (!byFormat && !timeName(property)) {
      return null;
    }
    long seconds = instant(property, random).getEpochSecond();
    String name = property == null ? "" : fold(property);
    return name.endsWith("ms") || name.endsWith("millis") ? seconds * 1000 : seconds;
  }

  private static boolean timeName(String property) {
    if (property == null) {
      return false;
    }
    String name = fold(property);
    return property.endsWith("_at")
        || property.matches(".*[a-z]At")
        || name.equals("created")
        || name.equals("updated")
        || name.equals("timestamp")
        || name.endsWith("timestamp")
        || name.endsWith("timems");
  }

  /** Within a month of the anchor: behind it, or ahead of it for expiries and due dates. */
  private Instant instant(String name, SplittableRandom random) {
    long offset = random.nextLong(SPAN.getSeconds());
    String folded = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean ahead = FUTURE_WORDS.stream().anyMatch(folded::contains);
    return ahead ? anchor.plusSeconds(3600 + offset) : anchor.minusSeconds(offset);
  }

  private String currency(String description, SplittableRandom random) {
    String code = pick(CURRENCIES, random);
    return lowerCase(description) ? code.toLowerCase(Locale.ROOT) : code;
  }

  private String country(String description, SplittableRandom random) {
    String code = pick(COUNTRIES, random);
    return lowerCase(description) ? code.toLowerCase(Locale.ROOT) : code;
  }

  /** Codes in lower case where the contract's examples or the field's description say so. */
  private boolean lowerCase(String description) {
    String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
    return vocabulary.lowerCaseCodes() || d.contains("lowercase") || d.contains("lower case");
  }

  private static String email(SplittableRandom random) {
    return pick(FIRST, random).toLowerCase(Locale.ROOT)
        + "."
        + pick(LAST, random).toLowerCase(Locale.ROOT)
        + (random.nextInt(90) + 10)
        + "@example.com";
  }

  private static String phone(SplittableRandom random) {
    // E.164, in the 555-01xx range reserved for fiction
    return "+1" + (201 + random.nextInt(798)) + "55501" + (10 + random.nextInt(90));
  }

  private static String url(String name, SplittableRandom random) {
    String path = name == null ? "" : name.replaceAll("(?i)_?ur[il]$", "").replace('_', '-');
    return "https://example.com/" + (path.isEmpty() ? "" : path + "/") + word(random, 8);
  }

  static String uuid(SplittableRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String opaque(SplittableRandom random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(MIXED.charAt(random.nextInt(MIXED.length())));
    }
    return b.toString();
  }

  static String word(SplittableRandom random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Lower case without separators: {@code first_name}, {@code firstName} are {@code firstname}. */
  static String fold(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != ' ' && c != '.') {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
