package dev.interlock.core.contract;

import dev.interlock.core.document.SourceDocument;
import java.util.List;

/**
 * An AsyncAPI 2.6, 3.0 or 3.1 contract: a Jackson tree validated against the official schema and
 * the messages it defines. (asyncapi-core's typed model loses data silently: see deps.md.)
 */
public record AsyncApiContract(
    SourceDocument source, String specVersion, List<AsyncApiMessage> messages) implements Contract {

  @Override
  public ContractKind kind() {
    return ContractKind.ASYNCAPI;
  }

  public boolean isV3() {
    return specVersion.startsWith("3.");
  }

  public String title() {
    return source.root().path("info").path("title").asText(file().getFileName().toString());
  }

  public String apiVersion() {
    return source.root().path("info").path("version").asText(null);
  }

  /** The default content type of messages ({@code defaultContentType}), or null. */
  public String defaultContentType() {
    return source.root().path("defaultContentType").asText(null);
  }
}
