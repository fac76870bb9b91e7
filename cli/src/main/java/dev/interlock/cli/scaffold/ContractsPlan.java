package dev.interlock.cli.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each of a team's files goes in a contracts folder, and the manifest that describes them:
 * {@code openapi/<vendor>/<version>.<ext>}, {@code asyncapi/<system>.<ext>}, {@code
 * pacts/<consumer>-<provider>.json}. Pacts are attached to the vendor (or event system) their
 * provider names, under an adapter named after their consumer. Every choice is kept with its
 * reason.
 */
public final class ContractsPlan {

  /** A file to copy (never move) to {@code target}, relative to the contracts folder. */
  public record Copy(Path source, String target) {}

  /** One vendor version of the manifest. */
  public record VendorVersion(String version, String contract) {}

  /** One vendor of the manifest. */
  public record Vendor(
      String title, Optional<AuthInference.Auth> auth, Map<String, VendorVersion> versions) {}

  /** One event system of the manifest. */
  public record EventSystem(String contract, String transport) {}

  /** One adapter of the manifest: the consumer of the pacts. */
  public record Adapter(Map<String, String> uses, List<String> pacts) {}

  private final Map<String, Vendor> vendors = new LinkedHashMap<>();
  private final Map<String, EventSystem> events = new LinkedHashMap<>();
  private final Map<String, Adapter> adapters = new LinkedHashMap<>();
  private final List<Copy> copies = new ArrayList<>();
  private final List<String> choices = new ArrayList<>();

  private Map<Path, Set<Path>> referenced = Map.of();

  /** Plans the contracts folder for these loaded documents (specs first, then pacts). */
  public static ContractsPlan of(List<Contract> contracts) {
    return of(contracts, Map.of());
  }

  /**
   * @param referenced per document, the files its {@code $ref}s reach: copied beside it, at the
   *     same relative path, so the references still resolve
   */
  public static ContractsPlan of(List<Contract> contracts, Map<Path, Set<Path>> referenced) {
    ContractsPlan plan = new ContractsPlan();
    plan.referenced = referenced;
    contracts.stream()
        .filter(OpenApiContract.class::isInstance)
        .map(OpenApiContract.class::cast)
        .forEach(plan::addOpenApi);
    contracts.stream()
        .filter(AsyncApiContract.class::isInstance)
        .map(AsyncApiContract.class::cast)
        .forEach(plan::addAsyncApi);
    contracts.stream()
        .filter(PactContract.class::isInstance)
        .map(PactContract.class::cast)
        .forEach(plan::addPact);
    return plan;
  }

  private void addOpenApi(OpenApiContract c) {
    Choice vendor = OpenApiInference.vendor(c);
    Choice version = OpenApiInference.version(c);
    String id = vendor.value();
    String v = version.value();
    Vendor existing = vendors.get(id);
    if (existing != null && existing.versions().containsKey(v)) {
      String original = v;
      for (int n = 2; existing.versions().containsKey(v); n++) {
        v = original + "-" + n;
      }
      version =
          new Choice(
              "version",
              v,
              version.reason()
                  + ", suffixed: '"
                  + original
                  + "' was taken by "
                  + existing.versions().get(original).contract());
    }
    String target = "openapi/" + id + "/" + v + extension(c.file(), ".yaml");
    copies.add(new Copy(c.file(), target));
    copyReferenced(c.file(), target);
    note(c.file(), vendor);
    note(c.file(), version);
    if (existing == null) {
      Optional<AuthInference.Auth> auth = AuthInference.infer(c, id);
      auth.ifPresentOrElse(
          a -> note(c.file(), a.choice()),
          () ->
              choices.add(
                  name(c.file())
                      + ": no auth (no bearer, header API key or OAuth 2 client-credentials scheme)"));
      existing = new Vendor(c.title() == null ? id : c.title(), auth, new LinkedHashMap<>());
      vendors.put(id, existing);
    }
    existing.versions().put(v, new VendorVersion(v, target));
  }

  private void addAsyncApi(AsyncApiContract c) {
    String title = c.source().root().path("info").path("title").asText("");
    String base = OpenApiInference.baseName(c.file().getFileName().toString());
    Choice system =
        !Slugs.distinctive(title).isEmpty()
            ? new Choice("event system", Slugs.distinctive(title), "info.title '" + title + "'")
            : new Choice(
                "event system",
                Slugs.slug(base).isEmpty() ? "events" : Slugs.slug(base),
                "file name '" + base + "'");
    String id = system.value();
    for (int n = 2; events.containsKey(id); n++) {
      id = system.value() + "-" + n;
    }
    String target = "asyncapi/" + id + extension(c.file(), ".yaml");
    copies.add(new Copy(c.file(), target));
    copyReferenced(c.file(), target);
    note(c.file(), new Choice(system.what(), id, system.reason()));
    Choice transport = transport(c.source().root().path("servers"));
    note(c.file(), transport);
    events.put(id, new EventSystem(target, transport.value()));
  }

  private void addPact(PactContract p) {
    String consumer = Slugs.slug(p.consumer()).isEmpty() ? "consumer" : Slugs.slug(p.consumer());
    String provider = Slugs.slug(p.provider()).isEmpty() ? "provider" : Slugs.slug(p.provider());
    String target = "pacts/" + consumer + "-" + provider + ".json";
    copies.add(new Copy(p.file(), target));
    Adapter adapter =
        adapters.computeIfAbsent(
            consumer, k -> new Adapter(new LinkedHashMap<>(), new ArrayList<>()));
    adapter.pacts().add(target);
    Optional<String> vendor = matchingVendor(provider);
    if (vendor.isPresent()) {
      String id = renameToProvider(vendor.get(), p);
      Vendor v = vendors.get(id);
      String version = new ArrayList<>(v.versions().keySet()).get(v.versions().size() - 1);
      adapter.uses().put(id, version);
      choices.add(
          name(p.file())
              + ": pact of consumer '"
              + consumer
              + "' attached to vendor '"
              + id
              + "' "
              + version
              + " (provider name '"
              + p.provider()
              + "')");
      return;
    }
    Optional<String> system =
        events.keySet().stream().filter(e -> matches(e, provider)).findFirst();
    choices.add(
        name(p.file())
            + ": pact of consumer '"
            + consumer
            + "' "
            + system
                .map(s -> "attached to event system '" + s + "'")
                .orElse("attached to no vendor")
            + " (provider name '"
            + p.provider()
            + "')");
  }

  /**
   * Verify pairs a pact with the vendor its provider names; where the provider's name is itself an
   * id and differs from the inferred vendor id, the vendor takes the provider's name.
   */
  private String renameToProvider(String vendor, PactContract p) {
    String provider = p.provider();
    if (vendor.equals(provider)
        || !provider.equals(Slugs.slug(provider))
        || vendors.containsKey(provider)) {
      return vendor;
    }
    Vendor v = vendors.remove(vendor);
    Map<String, VendorVersion> moved = new LinkedHashMap<>();
    for (VendorVersion vv : v.versions().values()) {
      String target =
          "openapi/"
              + provider
              + "/"
              + vv.contract().substring(("openapi/" + vendor + "/").length());
      moved.put(vv.version(), new VendorVersion(vv.version(), target));
    }
    String from = "openapi/" + vendor + "/";
    for (int i = 0; i < copies.size(); i++) {
      if (copies.get(i).target().startsWith(from)) {
        String moved2 =
            "openapi/" + provider + "/" + copies.get(i).target().substring(from.length());
        copies.set(i, new Copy(copies.get(i).source(), moved2));
      }
    }
    Optional<AuthInference.Auth> auth = v.auth().map(a -> retarget(a, vendor, provider));
    vendors.put(provider, new Vendor(v.title(), auth, moved));
    choices.add(
        "vendor '"
            + vendor
            + "' renamed '"
            + provider
            + "': the pact "
            + name(p.file())
            + " names its provider so, and verify pairs pacts by that name");
    return provider;
  }

  private static AuthInference.Auth retarget(AuthInference.Auth a, String from, String to) {
    Map<String, String> fields = new LinkedHashMap<>();
    a.fields()
        .forEach(
            (k, val) ->
                fields.put(
                    k,
                    val.replace(
                        "env:" + Slugs.envName(from) + "_", "env:" + Slugs.envName(to) + "_")));
    return new AuthInference.Auth(fields, a.choice());
  }

  private Optional<String> matchingVendor(String provider) {
    return vendors.keySet().stream().filter(v -> matches(v, provider)).findFirst();
  }

  /**
   * {@code payments} matches {@code payments}, {@code payments-provider} and {@code
   * acme-payments}'s words.
   */
  private static boolean matches(String id, String provider) {
    return id.equals(provider)
        || id.startsWith(provider + "-")
        || provider.startsWith(id + "-")
        || id.equals(Slugs.distinctive(provider));
  }

  private static Choice transport(JsonNode servers) {
    Iterator<Map.Entry<String, JsonNode>> it = servers.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> s = it.next();
      String protocol = s.getValue().path("protocol").asText("").toLowerCase(Locale.ROOT);
      String why = "servers." + s.getKey() + ".protocol '" + protocol + "'";
      if (protocol.startsWith("http")) {
        return new Choice("transport", "webhook", why);
      }
      if (protocol.startsWith("kafka")) {
        return new Choice("transport", "kafka", why);
      }
    }
    return new Choice("transport", "in-memory", "no http or kafka server");
  }

  /**
   * The files a document's {@code $ref}s reach, beside its target; one outside its folder cannot
   * follow it.
   */
  private void copyReferenced(Path source, String target) {
    Path from = source.toAbsolutePath().normalize().getParent();
    String folder = target.substring(0, target.lastIndexOf('/') + 1);
    for (Path ref : referenced.getOrDefault(source, Set.of())) {
      Path r = ref.toAbsolutePath().normalize();
      if (r.equals(source.toAbsolutePath().normalize())) {
        continue;
      }
      if (r.startsWith(from)) {
        copies.add(new Copy(r, folder + from.relativize(r).toString().replace('\\', '/')));
      } else {
        choices.add(
            name(source)
                + ": its $ref to "
                + r
                + " leaves its folder; copy that file into contracts/ by hand");
      }
    }
  }

  private void note(Path file, Choice c) {
    choices.add(name(file) + ": " + c.describe());
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static String extension(Path file, String fallback) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(dot) : fallback;
  }

  public Map<String, Vendor> vendors() {
    return vendors;
  }

  public Map<String, EventSystem> events() {
    return events;
  }

  public Map<String, Adapter> adapters() {
    return adapters;
  }

  public List<Copy> copies() {
    return copies;
  }

  /** Every choice made, in order, each with its reason. */
  public List<String> choices() {
    return choices;
  }
}
