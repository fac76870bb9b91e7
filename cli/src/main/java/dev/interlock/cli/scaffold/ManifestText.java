package dev.interlock.cli.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the manifest {@code interlock init} writes, and one adapter entry for {@code new
 * adapter}.
 */
public final class ManifestText {

  private ManifestText() {}

  public static String of(ContractsPlan plan, String name, List<String> sources) {
    StringBuilder vendors = new StringBuilder();
    plan.vendors().forEach((id, v) -> vendors.append(vendor(id, v)));
    StringBuilder events = new StringBuilder();
    plan.events()
        .forEach(
            (id, e) ->
                events.append(
                    Template.load("manifest-events.yaml")
                        .render(
                            Map.of(
                                "id", Yaml.quote(id),
                                "contract", Yaml.quote(e.contract()),
                                "transport", Yaml.quote(e.transport())))));
    StringBuilder adapters = new StringBuilder();
    plan.adapters()
        .forEach((id, a) -> adapters.append(adapter(id, List.of(), a.uses(), a.pacts())));
    return Template.load("manifest.yaml")
        .render(
            Map.of(
                "sources", String.join(", ", sources).replace("\n", " "),
                "name", Yaml.quote(name),
                "vendors", orEmpty(vendors),
                "events", orEmpty(events),
                "adapters", orEmpty(adapters)));
  }

  /** One entry under {@code adapters:}, starting with a line break, indented by two. */
  public static String adapter(
      String id, List<String> consumes, Map<String, String> uses, List<String> pacts) {
    List<String> pairs = new ArrayList<>();
    uses.forEach((vendor, version) -> pairs.add(Yaml.quote(vendor) + ": " + Yaml.quote(version)));
    return Template.load("manifest-adapter.yaml")
        .render(
            Map.of(
                "id", Yaml.quote(id),
                "consumes", quoted(consumes),
                "uses", String.join(", ", pairs),
                "pacts", quoted(pacts)));
  }

  private static String vendor(String id, ContractsPlan.Vendor v) {
    StringBuilder versions = new StringBuilder();
    v.versions()
        .values()
        .forEach(
            vv ->
                versions.append(
                    Template.load("manifest-version.yaml")
                        .render(
                            Map.of(
                                "version", Yaml.quote(vv.version()),
                                "contract", Yaml.quote(vv.contract())))));
    String auth =
        v.auth()
            .map(
                a -> {
                  List<String> fields = new ArrayList<>();
                  a.fields().forEach((k, val) -> fields.add(k + ": " + Yaml.quote(val)));
                  return Template.load("manifest-auth.yaml")
                      .render(Map.of("fields", String.join(", ", fields)));
                })
            .orElse("");
    return Template.load("manifest-vendor.yaml")
        .render(
            Map.of(
                "id", Yaml.quote(id),
                "title", Yaml.quote(v.title()),
                "auth", auth,
                "versions", versions.toString()));
  }

  private static String quoted(List<String> values) {
    return String.join(", ", values.stream().map(Yaml::quote).toList());
  }

  private static String orEmpty(StringBuilder entries) {
    return entries.isEmpty() ? " {}" : entries.toString();
  }
}
