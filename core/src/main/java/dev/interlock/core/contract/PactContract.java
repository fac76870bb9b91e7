package dev.interlock.core.contract;

import dev.interlock.core.document.SourceDocument;
import java.util.List;

/** A Pact file (V2, V3 or V4): the consumer's expectations of one provider. */
public record PactContract(
    SourceDocument source,
    String specVersion,
    String consumer,
    String provider,
    List<PactInteraction> interactions)
    implements Contract {

  @Override
  public ContractKind kind() {
    return ContractKind.PACT;
  }

  public List<PactInteraction.Http> httpInteractions() {
    return interactions.stream()
        .filter(PactInteraction.Http.class::isInstance)
        .map(PactInteraction.Http.class::cast)
        .toList();
  }

  public List<PactInteraction.Message> messageInteractions() {
    return interactions.stream()
        .filter(PactInteraction.Message.class::isInstance)
        .map(PactInteraction.Message.class::cast)
        .toList();
  }
}
