package dev.interlock.core.contract;

import dev.interlock.core.document.SourceDocument;
import java.nio.file.Path;

/** One OpenAPI, AsyncAPI or Pact document, plus where it came from. */
public sealed interface Contract permits OpenApiContract, AsyncApiContract, PactContract {

  SourceDocument source();

  ContractKind kind();

  /** The version of the specification the document is written in: "3.1.0", "2.6.0", "4.0". */
  String specVersion();

  default Path file() {
    return source().file();
  }
}
