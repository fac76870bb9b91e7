package dev.interlock.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which consumers each breaking change breaks: the pact interactions that touch it (same method and
 * path template, and the changed parameter, status or body field used by the interaction). A
 * breaking change no pact touches is safe to ship as far as the known consumers go.
 */
public record ConsumerImpact(List<Entry> entries) {

  public ConsumerImpact {
    entries = List.copyOf(entries);
  }

  /**
   * An interaction of a pact that depends on a changed element.
   *
   * @param adapters the manifest's adapters that own the pact
   * @param usesNewVersion whether those adapters already use the new version of the contract (per
   *     the manifest's {@code uses}): the consumer has migrated, the change does not break it
   */
  public record Interaction(
      String consumer,
      String provider,
      String description,
      SourceLocation location,
      List<String> adapters,
      boolean usesNewVersion) {}

  /** A breaking change and the interactions that depend on what it changed. */
  public record Entry(Change change, List<Interaction> interactions) {
    public Entry {
      interactions = List.copyOf(interactions);
    }

    /** The interactions the change breaks: those of consumers not yet on the new version. */
    public List<Interaction> breaks() {
      return interactions.stream().filter(i -> !i.usesNewVersion()).toList();
    }

    /** True when no known consumer depends on the change (or all have already migrated). */
    public boolean safeToShip() {
      return breaks().isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The impact of the breaking changes on the given pacts. The manifest, when present, names the
   * vendor a contract file belongs to (so a payments change is only checked against pacts with the
   * payments provider) and the adapters that own each pact; it may be null.
   */
  public static ConsumerImpact of(
      List<Change> changes, List<PactContract> pacts, Manifest manifest) {
    List<Entry> entries = new ArrayList<>();
    for (Change change : changes) {
      if (!change.isBreaking()) {
        continue;
      }
      List<Interaction> touched = new ArrayList<>();
      Optional<Manifest.Vendor> vendor = vendorOf(change, manifest);
      Optional<String> newVersion = vendor.flatMap(v -> newVersionOf(change, v, manifest));
      Optional<String> oldVersion = vendor.flatMap(v -> oldVersionOf(change, v, manifest));
      // "Already on the new version" only means something when the change crosses versions.
      boolean crossesVersions = oldVersion.isPresent() && !oldVersion.equals(newVersion);
      for (PactContract pact : pacts) {
        if (!concerns(pact, vendor, manifest)) {
          continue;
        }
        List<Manifest.Adapter> owners = adaptersOf(pact, manifest);
        List<String> adapters = owners.stream().map(Manifest.Adapter::id).toList();
        boolean migrated =
            crossesVersions
                && vendor.isPresent()
                && newVersion.isPresent()
                && !owners.isEmpty()
                && owners.stream()
                    .allMatch(a -> newVersion.get().equals(a.uses().get(vendor.get().id())));
        for (PactInteraction interaction : pact.interactions()) {
          if (touches(change, interaction)) {
            touched.add(
                new Interaction(
                    pact.consumer(),
                    pact.provider(),
                    interaction.description(),
                    pact.source().locate(interaction.pointer()),
                    adapters,
                    migrated));
          }
        }
      }
      entries.add(new Entry(change, touched));
    }
    return new ConsumerImpact(entries);
  }

  /** Breaking changes that break some consumer not yet on the new version. */
  public List<Entry> blocking() {
    return entries.stream().filter(e -> !e.safeToShip()).toList();
  }

  /** Breaking changes no known consumer (still on the old version) depends on. */
  public List<Entry> safeToShip() {
    return entries.stream().filter(Entry::safeToShip).toList();
  }

  /** The consumers broken by some change, by name. */
  public Set<String> brokenConsumers() {
    Set<String> out = new LinkedHashSet<>();
    entries.forEach(e -> e.breaks().forEach(i -> out.add(i.consumer())));
    return out;
  }

  /** The consumers that depend on some changed element, broken or already migrated. */
  public Set<String> touchedConsumers() {
    Set<String> out = new LinkedHashSet<>();
    entries.forEach(e -> e.interactions().forEach(i -> out.add(i.consumer())));
    return out;
  }

  // ------------------------------------------------------------------ which pacts

  private static Optional<Manifest.Vendor> vendorOf(Change change, Manifest manifest) {
    if (manifest == null) {
      return Optional.empty();
    }
    Set<Path> files = new LinkedHashSet<>();
    change.oldLocation().map(SourceLocation::file).ifPresent(f -> files.add(norm(f)));
    change.newLocation().map(SourceLocation::file).ifPresent(f -> files.add(norm(f)));
    for (Manifest.Vendor v : manifest.vendors().values()) {
      for (Manifest.VendorVersion version : v.versions().values()) {
        if (version.contract() != null
            && files.contains(norm(manifest.root().resolve(version.contract())))) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  /** The vendor version whose contract is the change's new file. */
  private static Optional<String> newVersionOf(
      Change change, Manifest.Vendor v, Manifest manifest) {
    return versionAt(change.newLocation(), v, manifest);
  }

  /**
   * The manifest version a change's old side is, if it is one: comparing against {@code --base}
   * reads the old side from elsewhere, and then no consumer can have "already moved on".
   */
  private static Optional<String> oldVersionOf(
      Change change, Manifest.Vendor v, Manifest manifest) {
    return versionAt(change.oldLocation(), v, manifest);
  }

  private static Optional<String> versionAt(
      Optional<SourceLocation> location, Manifest.Vendor v, Manifest manifest) {
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Path file = norm(location.get().file());
    for (Manifest.VendorVersion version : v.versions().values()) {
      if (version.contract() != null
          && norm(manifest.root().resolve(version.contract())).equals(file)) {
        return Optional.of(version.version());
      }
    }
    return Optional.empty();
  }

  private static Path norm(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static String simple(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Whether the pact is against the vendor the change is in (unknown either way: assume so). */
  private static boolean concerns(
      PactContract pact, Optional<Manifest.Vendor> vendor, Manifest manifest) {
    if (vendor.isEmpty()) {
      return true;
    }
    String provider = simple(pact.provider());
    boolean providerIsAVendor =
        manifest.vendors().values().stream().anyMatch(v -> namesVendor(provider, v));
    return !providerIsAVendor || namesVendor(provider, vendor.get());
  }

  private static boolean namesVendor(String provider, Manifest.Vendor v) {
    String id = simple(v.id());
    String title = simple(v.title());
    return !provider.isEmpty()
        && (provider.equals(id)
            || provider.contains(id) && !id.isEmpty()
            || !title.isEmpty() && (provider.equals(title) || title.contains(provider)));
  }

  private static List<Manifest.Adapter> adaptersOf(PactContract pact, Manifest manifest) {
    List<Manifest.Adapter> out = new ArrayList<>();
    if (manifest == null) {
      return out;
    }
    Path file = norm(pact.file());
    for (Manifest.Adapter a : manifest.adapters().values()) {
      for (Path p : a.pacts()) {
        if (norm(manifest.root().resolve(p)).equals(file)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ which interactions

  static boolean touches(Change change, PactInteraction interaction) {
    if (interaction instanceof PactInteraction.Http http) {
      return touchesHttp(change, http);
    }
    if (interaction instanceof PactInteraction.Message message) {
      return touchesMessage(change, message);
    }
    return false;
  }

  private static boolean touchesHttp(Change change, PactInteraction.Http http) {
    if (change.operation().isEmpty() || !change.ruleId().startsWith("openapi.")) {
      return false;
    }
    if (!sameOperation(change.operation().get(), http)
        && change.newOperation().map(op -> !sameOperation(op, http)).orElse(true)) {
      return false;
    }
    String part = change.part().orElse("");
    if (part.isEmpty()) {
      return true; // the whole operation (removed, security...)
    }
    String field = change.fieldPath().orElse("$");
    String rule = change.ruleId();
    if (part.startsWith("response.")) {
      String[] p = part.split("\\.", 4);
      if (!statusMatches(p[1], http.response().status())) {
        return false;
      }
      if (p.length == 2) {
        return true; // the status itself was removed
      }
      if (p[2].equals("header")) {
        String header = p.length > 3 ? p[3] : "";
        return http.response().headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(header))
            || http.response().matchingRules().stream()
                .anyMatch(r -> r.category().equals("header") && r.path().equalsIgnoreCase(header));
      }
      Set<String> used = bodyPaths(http.response().body(), http.response().matchingRules());
      return !used.isEmpty() && uses(used, field);
    }
    if (part.equals("request.body")) {
      Set<String> sent = bodyPaths(http.request().body(), http.request().matchingRules());
      if (rule.equals("openapi.request.body.required-added")
          || rule.equals("openapi.request.body.became-required")) {
        return http.request().body().isEmpty(); // a body the consumer does not send is required
      }
      if (rule.endsWith("property.required-added") || rule.endsWith("property.became-required")) {
        return !sent.contains(field); // a field the consumer does not send is required
      }
      if (rule.endsWith("media-type-removed")) {
        return http.request().body().isPresent();
      }
      return !sent.isEmpty() && uses(sent, field);
    }
    if (part.startsWith("request.")) {
      String[] p = part.split("\\.", 3);
      String in = p[1];
      String name = p.length > 2 ? p[2] : "";
      boolean sends =
          switch (in) {
            case "query" -> http.request().query().containsKey(name);
            case "header" ->
                http.request().headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
            case "path" -> true;
            default -> false;
          };
      if (rule.endsWith("parameter.required-added") || rule.endsWith("parameter.became-required")) {
        return !sends;
      }
      return sends;
    }
    return true;
  }

  private static boolean sameOperation(String signature, PactInteraction.Http http) {
    String[] sig = signature.split(" ", 2);
    return sig.length == 2
        && sig[0].equalsIgnoreCase(http.request().method())
        && template(sig[1]).matcher(stripQuery(http.request().path())).matches();
  }

  private static boolean touchesMessage(Change change, PactInteraction.Message message) {
    if (!change.ruleId().startsWith("asyncapi.")) {
      return false;
    }
    String part = change.part().orElse("");
    String name = part.startsWith("message.") ? part.substring(8).split("\\.")[0] : "";
    String channel = change.operation().orElse("");
    String description = simple(message.description());
    boolean sameMessage =
        !name.isEmpty() && description.contains(simple(name))
            || !channel.isEmpty() && description.contains(simple(channel));
    if (!sameMessage) {
      return false;
    }
    if (change.fieldPath().isEmpty()) {
      return true;
    }
    Set<String> used = bodyPaths(message.contents(), message.matchingRules());
    return used.isEmpty() || uses(used, change.fieldPath().get());
  }

  private static boolean statusMatches(String status, int actual) {
    if (status.equals("default")) {
      return true;
    }
    if (status.length() == 3 && status.endsWith("XX")) {
      return status.charAt(0) == String.valueOf(actual).charAt(0);
    }
    return status.equals(String.valueOf(actual));
  }

  /** Whether the consumer uses the changed path: the field itself or something inside it. */
  private static boolean uses(Set<String> used, String field) {
    if (field.equals("$")) {
      return true;
    }
    for (String u : used) {
      if (u.equals(field) || u.startsWith(field + ".") || u.startsWith(field + "[")) {
        return true;
      }
    }
    return false;
  }

  private static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static Pattern template(String template) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(template.substring(i)));
        break;
      }
      regex.append(Pattern.quote(template.substring(i, open)));
      int close = template.indexOf('}', open);
      if (close < 0) {
        regex.append(Pattern.quote(template.substring(open)));
        break;
      }
      regex.append("[^/]+");
      i = close + 1;
    }
    return Pattern.compile(regex + "/?");
  }

  /** Every JSON path a pact body uses, with arrays as {@code [*]}, plus its body matching rules. */
  static Set<String> bodyPaths(
      Optional<PactInteraction.Body> body, List<PactInteraction.MatchingRule> rules) {
    Set<String> out = new LinkedHashSet<>();
    if (body.isPresent() && !body.get().binary() && body.get().text() != null) {
      try {
        JsonNode tree = JSON.readTree(body.get().text());
        if (tree != null) {
          collect(tree, "$", out);
        }
      } catch (Exception e) {
        // not JSON: no field paths to match
      }
    }
    for (PactInteraction.MatchingRule r : rules) {
      if (r.category().equals("body") || r.path().startsWith("$.body")) {
        String p = r.path().startsWith("$.body") ? "$" + r.path().substring(6) : r.path();
        out.add(p.replaceAll("\\[\\d+]", "[*]").replace(".*", "[*]"));
      }
    }
    return out;
  }

  private static void collect(JsonNode node, String path, Set<String> out) {
    out.add(path);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String key = f.getKey();
        String child =
            key.matches("[A-Za-z_$][A-Za-z0-9_$-]*")
                ? path + "." + key
                : path + "['" + key.replace("'", "\\'") + "']";
        collect(f.getValue(), child, out);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, path + "[*]", out);
      }
    }
  }
}
