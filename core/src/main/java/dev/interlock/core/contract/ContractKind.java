package dev.interlock.core.contract;

/** The families of documents Interlock reads. */
public enum ContractKind {
  OPENAPI("OpenAPI"),
  ASYNCAPI("AsyncAPI"),
  PACT("Pact"),
  MANIFEST("manifest");

  private final String displayName;

  ContractKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
