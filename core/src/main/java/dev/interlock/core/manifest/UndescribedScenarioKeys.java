package dev.interlock.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Warns about the names and keys under the manifest's {@code scenarios} that its JSON Schema does
 * not describe. The schema accepts them (a newer manifest should still load), but the sandbox
 * ignores them, so a misspelt {@code errorRat} would otherwise fall back to the default unnoticed.
 * The schema is the one list of known keys: this walks its {@code properties} beside the manifest.
 */
final class UndescribedScenarioKeys {

  static final String CODE = "contract.manifest.unknown-key";

  private final JsonNode scenariosSchema;

  UndescribedScenarioKeys(JsonNode manifestSchema) {
    this.scenariosSchema = manifestSchema.path("properties").path("scenarios");
  }

  void check(SourceDocument doc, List<Diagnostic> out) {
    walk(doc, scenariosSchema, doc.root().path("scenarios"), JsonPointer.of("scenarios"), out);
  }

  private static void walk(
      SourceDocument doc, JsonNode schema, JsonNode node, JsonPointer at, List<Diagnostic> out) {
    JsonNode properties = schema.path("properties");
    if (!properties.isObject() || !node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonPointer key = at.append(e.getKey());
      if (properties.has(e.getKey())) {
        walk(doc, properties.get(e.getKey()), e.getValue(), key, out);
      } else {
        out.add(warning(doc, at, key, properties));
      }
    }
  }

  private static Diagnostic warning(
      SourceDocument doc, JsonPointer parent, JsonPointer key, JsonNode properties) {
    List<String> known = new ArrayList<>();
    properties.fieldNames().forEachRemaining(known::add);
    boolean isScenarioName = parent.tokens().size() == 1;
    String message =
        isScenarioName
            ? "manifest: there is no scenario '" + key.lastToken() + "'; it is ignored"
            : "manifest: '"
                + key.lastToken()
                + "' is not a setting of "
                + describe(parent)
                + "; it is ignored";
    return Diagnostic.warning(CODE, message)
        .at(doc.locate(key))
        .expected(known.isEmpty() ? "no settings" : "one of " + String.join(", ", known))
        .actual(key.lastToken())
        .hint("scenario settings are listed in docs/manifest.md, 'Scenario settings'")
        .build();
  }

  /** {@code scenario 'flaky'} or, nested, {@code 'latency' of scenario 'slow'}. */
  private static String describe(JsonPointer parent) {
    List<String> tokens = parent.tokens();
    String scenario = "scenario '" + tokens.get(1) + "'";
    return tokens.size() == 2 ? scenario : "'" + parent.lastToken() + "' of " + scenario;
  }
}
