package dev.interlock.compat;

import dev.interlock.compat.internal.BodyCheck;
import dev.interlock.compat.internal.OperationIndex;
import dev.interlock.compat.internal.http.HttpInteractionCheck;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.schema.SchemaDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bi-directional contract testing: is every HTTP interaction of a pact allowed by the provider's
 * OpenAPI contract? Requests must be ones the provider accepts (path, method, parameters, security,
 * content type, body), expected responses ones it can produce for that status (status, headers,
 * content type, body with {@code required} relaxed and no field the provider never promised). Pact
 * matching rules are honoured. The checks themselves live in {@code internal.http}, one class per
 * concern; this class runs them over a pact.
 *
 * <p>Build one per contract and reuse it: schemas are compiled once per pointer and operations are
 * indexed, so thousands of interactions check in seconds.
 */
public final class PactSpecCompatibility {

  private final OpenApiContract spec;
  private final SourceDocument doc;
  private final OperationIndex index;
  private final BodyCheck bodies;

  private PactSpecCompatibility(OpenApiContract spec) {
    this.spec = spec;
    this.doc = spec.source();
    this.index = new OperationIndex(doc);
    this.bodies =
        new BodyCheck(
            doc, spec.isOpenApi31() ? SchemaDialect.OPENAPI_31 : SchemaDialect.OPENAPI_30);
  }

  /** A checker for one contract, reusable across pacts. */
  public static PactSpecCompatibility of(OpenApiContract spec) {
    return new PactSpecCompatibility(spec);
  }

  /** Checks every HTTP interaction of the pact against the contract. */
  public static CompatReport check(PactContract pact, OpenApiContract spec) {
    return of(spec).check(pact);
  }

  public CompatReport check(PactContract pact) {
    long start = System.nanoTime();
    List<CompatReport.Entry> entries = new ArrayList<>();
    List<PactInteraction> all = pact.interactions();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof PactInteraction.Http http) {
        entries.addAll(new HttpInteractionCheck(doc, bodies, pact, http, i).check(index));
      }
    }
    return new CompatReport(
        pact.file(),
        spec.file(),
        pact.consumer(),
        pact.provider(),
        entries,
        Duration.ofNanos(System.nanoTime() - start));
  }
}
