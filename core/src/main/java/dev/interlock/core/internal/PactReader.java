package dev.interlock.core.internal;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.model.matchingrules.MatchingRules;
import au.com.dius.pact.core.model.messaging.Message;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Pact V2, V3 and V4 files (HTTP, message and mixed) through Pact JVM's model and converts
 * them to {@link PactContract}. The specification version comes from the raw document, because Pact
 * JVM upgrades what it reads.
 */
public final class PactReader {

  public Optional<PactContract> read(SourceDocument doc, List<Diagnostic> out) {
    String version = specVersion(doc.root());
    int major = major(version);
    if (major < 1 || major > 4) {
      out.add(
          Diagnostic.error(
                  "contract.version.unsupported",
                  "unsupported Pact specification version '" + version + "'")
              .at(doc.locate(JsonPointer.of("metadata")))
              .expected("1.x to 4.x")
              .actual(version)
              .build());
      return Optional.empty();
    }
    Pact pact;
    try {
      pact = DefaultPactReader.INSTANCE.loadPact(doc.root().toString());
    } catch (RuntimeException | LinkageError e) {
      out.add(
          Diagnostic.error("contract.pact.invalid", "Pact JVM could not read this pact")
              .at(SourceLocation.of(doc.file()))
              .actual(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()))
              .build());
      return Optional.empty();
    }
    String array =
        doc.root().has("messages") && !doc.root().has("interactions") ? "messages" : "interactions";
    List<PactInteraction> interactions = new ArrayList<>();
    List<Interaction> source = pact.getInteractions();
    for (int i = 0; i < source.size(); i++) {
      JsonPointer at = JsonPointer.of(array).append(i);
      try {
        convert(source.get(i), at).ifPresent(interactions::add);
      } catch (RuntimeException e) {
        out.add(
            Diagnostic.error("contract.pact.invalid", "interaction cannot be read")
                .at(doc.locate(at))
                .actual(firstLine(e.getMessage()))
                .build());
      }
    }
    String consumer = pact.getConsumer() == null ? "" : pact.getConsumer().getName();
    String provider = pact.getProvider() == null ? "" : pact.getProvider().getName();
    if (consumer.isBlank() || provider.isBlank()) {
      out.add(
          Diagnostic.error("contract.pact.invalid", "pact does not name its consumer and provider")
              .at(doc.locate(JsonPointer.ROOT))
              .expected("\"consumer\": {\"name\": ...} and \"provider\": {\"name\": ...}")
              .build());
    }
    return Optional.of(
        new PactContract(doc, version, consumer, provider, List.copyOf(interactions)));
  }

  static String specVersion(JsonNode root) {
    JsonNode metadata = root.path("metadata");
    for (String key : List.of("pactSpecification", "pact-specification")) {
      JsonNode v = metadata.path(key).path("version");
      if (v.isTextual()) {
        return v.asText();
      }
    }
    JsonNode v = metadata.path("pactSpecificationVersion");
    return v.isTextual() ? v.asText() : "2.0.0";
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0].trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<PactInteraction> convert(Interaction interaction, JsonPointer at) {
    List<String> states =
        interaction.getProviderStates().stream().map(ProviderState::getName).toList();
    if (interaction.isSynchronousRequestResponse()) {
      SynchronousRequestResponse rr = interaction.asSynchronousRequestResponse();
      IRequest rq = rr.getRequest();
      IResponse rs = rr.getResponse();
      return Optional.of(
          new PactInteraction.Http(
              interaction.getDescription(),
              states,
              at,
              new PactInteraction.Request(
                  rq.getMethod(),
                  rq.getPath(),
                  copy(rq.getQuery()),
                  copy(rq.getHeaders()),
                  body(rq.getBody(), rq.getHeaders()),
                  rules(rq.getMatchingRules())),
              new PactInteraction.Response(
                  rs.getStatus(),
                  copy(rs.getHeaders()),
                  body(rs.getBody(), rs.getHeaders()),
                  rules(rs.getMatchingRules()))));
    }
    if (interaction.isAsynchronousMessage()) {
      OptionalBody contents;
      Map<String, Object> metadata;
      MatchingRules matchingRules;
      if (interaction instanceof V4Interaction.AsynchronousMessage v4) {
        contents = v4.getContents().getContents();
        metadata = v4.getContents().getMetadata();
        matchingRules = v4.getContents().getMatchingRules();
      } else {
        Message m = interaction.asMessage();
        contents = m.getContents();
        metadata = m.getMetadata();
        matchingRules = m.getMatchingRules();
      }
      return Optional.of(
          new PactInteraction.Message(
              interaction.getDescription(),
              states,
              at,
              body(contents, Map.of()),
              new LinkedHashMap<>(metadata),
              rules(matchingRules)));
    }
    return Optional.empty(); // V4 synchronous messages are not verified yet
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (in != null) {
      in.forEach((k, v) -> out.put(k, List.copyOf(v)));
    }
    return out;
  }

  private static Optional<PactInteraction.Body> body(
      OptionalBody body, Map<String, List<String>> headers) {
    if (body == null || !body.isPresent()) {
      return Optional.empty();
    }
    String contentType = body.getContentType() == null ? null : body.getContentType().toString();
    if (contentType == null || contentType.isBlank()) {
      contentType = header(headers, "Content-Type");
    }
    byte[] bytes = body.getValue() == null ? new byte[0] : body.getValue();
    boolean binary = !isText(contentType);
    String text =
        binary
            ? Base64.getEncoder().encodeToString(bytes)
            : new String(bytes, StandardCharsets.UTF_8);
    return Optional.of(new PactInteraction.Body(contentType, text, binary));
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String ct = contentType.toLowerCase();
    return ct.startsWith("text/")
        || ct.contains("json")
        || ct.contains("xml")
        || ct.contains("x-www-form-urlencoded")
        || ct.contains("javascript");
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static List<PactInteraction.MatchingRule> rules(MatchingRules rules) {
    List<PactInteraction.MatchingRule> out = new ArrayList<>();
    if (rules == null) {
      return out;
    }
    for (String category : rules.getCategories()) {
      for (Map.Entry<String, MatchingRuleGroup> e :
          rules.rulesForCategory(category).getMatchingRules().entrySet()) {
        for (var rule : e.getValue().getRules()) {
          Map<String, Object> attributes = new LinkedHashMap<>(rule.toMap(PactSpecVersion.V4));
          Object match = attributes.remove("match");
          out.add(
              new PactInteraction.MatchingRule(
                  category,
                  e.getKey(),
                  match == null ? rule.getName() : match.toString(),
                  attributes));
        }
      }
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
