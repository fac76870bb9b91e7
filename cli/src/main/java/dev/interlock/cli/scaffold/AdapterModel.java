package dev.interlock.cli.scaffold;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.contract.JavaNames;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code interlock new adapter} scaffolds, read from the contracts: the vendors it uses (each
 * with its generated adapter class and the call its pact test starts with) and the AsyncAPI message
 * it consumes.
 */
public record AdapterModel(
    String name, String javaPackage, List<VendorUse> vendors, Optional<ConsumedEvent> consumes) {

  /** The adapter's class name: {@code invoice-sync} → {@code InvoiceSync}. */
  public String type() {
    return JavaNames.typeName(name);
  }

  /**
   * One vendor version the adapter uses.
   *
   * @param pact the call its consumer pact test makes; empty when none can be derived (no {@code
   *     GET} without required parameters, or OAuth 2, whose token exchange a pact of its own must
   *     describe first)
   */
  public record VendorUse(
      String vendor,
      String version,
      Path contractFile,
      OpenApiContract contract,
      Manifest.Auth auth,
      Optional<String> versionHeader,
      Optional<PactCall> pact) {

    /**
     * The adapter codegen generates for this version ({@code
     * ...payments.v2025_01_15.PaymentsAdapter}).
     */
    public String adapterClass() {
      return JavaNames.clientPackage(vendor, version)
          + "."
          + JavaNames.typeName(vendor)
          + "Adapter";
    }

    public String field() {
      String t = JavaNames.typeName(vendor);
      return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /**
     * What the pinned version header carries: {@code info.version}, else the manifest's version.
     */
    public String apiVersion() {
      return contract.apiVersion() == null ? version : contract.apiVersion();
    }
  }

  /** The AsyncAPI message the adapter consumes, and the payload type codegen generates for it. */
  public record ConsumedEvent(
      String system, String event, AsyncApiContract contract, AsyncApiMessage message) {

    /**
     * jsonschema2pojo names a payload after the schema it references ({@code
     * #/components/schemas/OrderCreatedPayload}), else after the message.
     */
    public String payloadClass() {
      String pkg = JavaNames.CLIENTS_PACKAGE + ".events." + JavaNames.identifier(baseName());
      String schema =
          message
              .payloadSchema()
              .map(p -> p.toString())
              .filter(p -> p.matches(".*/components/schemas/[^/]+"))
              .map(p -> p.substring(p.lastIndexOf('/') + 1))
              .orElse(message.name());
      return pkg + "." + JavaNames.typeName(schema);
    }

    public String eventType() {
      return JavaNames.typeName(event);
    }

    private String baseName() {
      String n = contract.file().getFileName().toString();
      int dot = n.lastIndexOf('.');
      return dot > 0 ? n.substring(0, dot) : n;
    }
  }
}
