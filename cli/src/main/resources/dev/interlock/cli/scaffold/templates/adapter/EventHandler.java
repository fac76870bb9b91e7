package ${package};

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Receives {@code ${event}} messages of the event system {@code ${system}} ({@code ${asyncApiFile}}):
 * the body is read into the payload type the build generates from the AsyncAPI schema, unknown
 * fields refused, and handed to {@link ${type}#on${eventType}}.
 */
public final class ${eventType}Handler {

  /** The AsyncAPI message this handler consumes, as the manifest's {@code consumes} names it. */
  public static final String CONSUMES = "${system}/${event}";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ${type} adapter;

  public ${eventType}Handler(${type} adapter) {
    this.adapter = adapter;
  }

  /** The payload of one message body. */
  public static ${payloadClass} parse(byte[] body) throws IOException {
    return JSON.readValue(body, ${payloadClass}.class);
  }

  /** Parses one message body and hands it to the adapter. */
  public void handle(byte[] body) throws IOException {
    adapter.on${eventType}(parse(body));
  }
}
