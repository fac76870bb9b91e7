package dev.interlock.cli.scaffold;

import dev.interlock.cli.scaffold.AdapterModel.VendorUse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Renders the files of an adapter skeleton from the templates under {@code templates/adapter/}: its
 * pom, README, the adapter over the generated vendor adapters, its main, the handler of the
 * consumed message and a consumer pact test per vendor. Returns them by path relative to the
 * skeleton's folder; {@link ScaffoldFiles} writes them.
 */
public final class AdapterSkeleton {

  private final AdapterModel model;
  private final String contractsPath;
  private final String interlockVersion;

  /**
   * @param contractsPath the contracts folder relative to the skeleton's folder
   */
  public AdapterSkeleton(AdapterModel model, String contractsPath, String interlockVersion) {
    this.model = model;
    this.contractsPath = contractsPath.replace('\\', '/');
    this.interlockVersion = interlockVersion;
  }

  public Map<String, String> files() {
    Map<String, String> v = common();
    String src = "src/main/java/" + model.javaPackage().replace('.', '/') + "/";
    String test = "src/test/java/" + model.javaPackage().replace('.', '/') + "/";
    Map<String, String> out = new LinkedHashMap<>();
    out.put("pom.xml", render("pom.xml", v));
    out.put("README.md", render("README.md", v));
    out.put(src + model.type() + ".java", render("Adapter.java", v));
    out.put(src + model.type() + "Main.java", render("Main.java", v));
    model
        .consumes()
        .ifPresent(
            e -> out.put(src + e.eventType() + "Handler.java", render("EventHandler.java", v)));
    for (VendorUse use : model.vendors()) {
      use.pact()
          .ifPresent(
              call ->
                  out.put(
                      test + typeOf(use) + "ConsumerPactTest.java",
                      render("ConsumerPactTest.java", pactValues(use, call, v))));
    }
    return out;
  }

  private Map<String, String> common() {
    Properties versions = versions();
    Map<String, String> v = new HashMap<>();
    v.put("name", model.name());
    v.put("type", model.type());
    v.put("package", model.javaPackage());
    v.put("packagePath", "src/main/java/" + model.javaPackage().replace('.', '/'));
    v.put("groupId", model.javaPackage());
    v.put("contractsPath", contractsPath);
    v.put("interlockVersion", interlockVersion);
    v.put("jacksonVersion", versions.getProperty("jackson"));
    v.put("junitVersion", versions.getProperty("junit"));
    v.put("pactVersion", versions.getProperty("pact"));
    v.put("assertjVersion", versions.getProperty("assertj"));
    List<String> uses = new ArrayList<>();
    List<String> vendorList = new ArrayList<>();
    List<String> usesMap = new ArrayList<>();
    StringBuilder fields = new StringBuilder();
    StringBuilder wiring = new StringBuilder();
    StringBuilder accessors = new StringBuilder();
    for (VendorUse use : model.vendors()) {
      uses.add(use.vendor() + " " + use.version());
      vendorList.add(java(use.vendor()));
      usesMap.add(java(use.vendor()) + ", " + java(use.version()));
      Map<String, String> u = vendorValues(use);
      fields.append(render("adapter-field.java", u));
      wiring.append(render("adapter-wiring.java", u));
      accessors.append(render("adapter-accessor.java", u));
    }
    v.put("uses", String.join(", ", uses));
    v.put("vendorList", String.join(", ", vendorList));
    v.put("usesMap", String.join(", ", usesMap));
    v.put("fields", fields.toString());
    v.put("wiring", wiring.toString());
    v.put("accessors", accessors.toString());
    if (model.consumes().isPresent()) {
      var e = model.consumes().get();
      v.put("event", e.event());
      v.put("system", e.system());
      v.put("eventType", e.eventType());
      v.put("payloadClass", e.payloadClass());
      v.put("asyncApiFile", e.contract().file().getFileName().toString());
      v.put("handlers", render("adapter-handler.java", v));
      v.put("mainBody", render("main-events.java", v));
      v.put(
          "mainSentence", "Then one {@code " + e.event() + "} message per line of standard input.");
      v.put("consumesSentence", " and consumes `" + e.system() + "/" + e.event() + "`.");
    } else {
      v.put("handlers", "");
      v.put("mainBody", render("main-no-events.java", v));
      v.put("mainSentence", "");
      v.put("consumesSentence", ".");
    }
    return v;
  }

  private static Map<String, String> vendorValues(VendorUse use) {
    return Map.of(
        "adapterClass", use.adapterClass(),
        "field", use.field(),
        "vendor", use.vendor(),
        "version", use.version(),
        "contract", use.contractFile().getFileName().toString());
  }

  private Map<String, String> pactValues(VendorUse use, PactCall call, Map<String, String> common) {
    Map<String, String> v = new HashMap<>(common);
    v.putAll(vendorValues(use));
    v.put("vendorType", typeOf(use));
    v.put("operation", call.javaMethod());
    v.put("javaMethod", call.javaMethod());
    v.put("testName", call.javaMethod() + "ThroughTheGeneratedAdapter");
    v.put("description", PactFiles.description(model, use, call));
    v.put("method", "GET");
    v.put("path", call.path());
    v.put("status", "200");
    v.put("arguments", String.join(", ", java.util.Collections.nCopies(call.arguments(), "null")));
    v.put("credentials", PactFiles.credentialsExpression(use));
    StringBuilder matchers = new StringBuilder();
    for (PactFiles.Header h : PactFiles.headers(use)) {
      matchers.append(
          render(
              "pact-header-matcher.java",
              Map.of(
                  "header", h.name(),
                  "regexLiteral", javaEscape(h.regex()),
                  "exampleLiteral", javaEscape(h.example()))));
    }
    v.put("headerMatchers", matchers.toString());
    return v;
  }

  private static String typeOf(VendorUse use) {
    return dev.interlock.core.contract.JavaNames.typeName(use.vendor());
  }

  static String render(String template, Map<String, String> values) {
    return Template.load("adapter/" + template).render(values);
  }

  private static String java(String s) {
    return "\"" + javaEscape(s) + "\"";
  }

  static String javaEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = AdapterSkeleton.class.getResourceAsStream("versions.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
