package dev.interlock.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A HAL resource the broker answered: its JSON, its {@code _links} by relation and its {@code
 * _embedded} resources, and the URI it came from (relative links resolve against it).
 */
public record HalDocument(URI location, int status, JsonNode body) {

  public HalDocument {
    body = body == null ? MissingNode.getInstance() : body;
  }

  /** Every link of a relation: one link object or an array of them. */
  public List<HalLink> links(String relation) {
    JsonNode node = body.path("_links").path(relation);
    List<HalLink> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> link(relation, n).ifPresent(out::add));
    } else {
      link(relation, node).ifPresent(out::add);
    }
    return out;
  }

  /** The first link of a relation. */
  public Optional<HalLink> link(String relation) {
    List<HalLink> all = links(relation);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The relations this resource offers, for messages that say what was there instead. */
  public List<String> relations() {
    List<String> out = new ArrayList<>();
    body.path("_links").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** An embedded resource or array of them. */
  public JsonNode embedded(String name) {
    return body.path("_embedded").path(name);
  }

  /** A link's href as an absolute URI, resolved against this document's location. */
  public URI resolve(String href) {
    return location.resolve(URI.create(href));
  }

  private static Optional<HalLink> link(String relation, JsonNode n) {
    if (!n.isObject() || !n.path("href").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(
        new HalLink(
            relation, n.path("href").asText(), text(n.path("name")), text(n.path("title"))));
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }
}
