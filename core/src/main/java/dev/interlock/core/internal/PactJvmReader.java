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
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a pact through Pact JVM's model, the reference reader, and converts it to Interlock's
 * terms. Any failure of Pact JVM (it throws on some shapes other pact tools write) escapes as a
 * {@link RuntimeException} or {@link LinkageError} for {@link PactReader} to fall back on.
 */
final class PactJvmReader {

  /** What Pact JVM read: the parties and the interactions, in the file's order. */
  record Read(String consumer, String provider, List<PactInteraction> interactions) {}

  Read read(SourceDocument doc, String interactionsArray) {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(doc.root().toString());
    List<PactInteraction> interactions = new ArrayList<>();
    List<Interaction> source = pact.getInteractions();
    for (int i = 0; i < source.size(); i++) {
      convert(source.get(i), JsonPointer.of(interactionsArray).append(i))
          .ifPresent(interactions::add);
    }
    String consumer = pact.getConsumer() == null ? "" : pact.getConsumer().getName();
    String provider = pact.getProvider() == null ? "" : pact.getProvider().getName();
    return new Read(consumer, provider, interactions);
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
      contentType = PactBodies.header(headers, "Content-Type");
    }
    return Optional.of(
        PactBodies.of(body.getValue() == null ? new byte[0] : body.getValue(), contentType));
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
}
