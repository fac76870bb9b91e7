package dev.interlock.cli.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.AsyncApiContract;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The event system of an AsyncAPI document: its id from {@code info.title}, else the file name; its
 * transport from the servers' protocols (http(s) is a webhook, Kafka is Kafka).
 */
final class AsyncApiInference {

  private AsyncApiInference() {}

  static Choice system(AsyncApiContract c) {
    String title = c.source().root().path("info").path("title").asText("");
    if (!Slugs.distinctive(title).isEmpty()) {
      return new Choice("event system", Slugs.distinctive(title), "info.title '" + title + "'");
    }
    String base = OpenApiInference.baseName(c.file().getFileName().toString());
    return new Choice(
        "event system",
        Slugs.slug(base).isEmpty() ? "events" : Slugs.slug(base),
        "file name '" + base + "'");
  }

  static Choice transport(AsyncApiContract c) {
    Iterator<Map.Entry<String, JsonNode>> it = c.source().root().path("servers").fields();
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
}
