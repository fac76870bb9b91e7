package dev.interlock.core.contract;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenAPI 3.0 or 3.1 contract (a Swagger 2.0 document is converted on load). The parsed model is
 * swagger-parser's: it is the JVM's common OpenAPI model and re-modelling OpenAPI would only add a
 * second place for bugs (see docs/adr/0002-openapi-model.md). The raw tree and positions stay
 * available through {@link #source()} for diagnostics.
 */
public record OpenApiContract(
    SourceDocument source, String specVersion, OpenAPI model, boolean convertedFromSwagger2)
    implements Contract {

  @Override
  public ContractKind kind() {
    return ContractKind.OPENAPI;
  }

  public boolean isOpenApi31() {
    return specVersion.startsWith("3.1");
  }

  public String title() {
    return model.getInfo() == null ? file().getFileName().toString() : model.getInfo().getTitle();
  }

  /** The contract's own version ({@code info.version}), or null. */
  public String apiVersion() {
    return model.getInfo() == null ? null : model.getInfo().getVersion();
  }

  /** Every operation in document order. */
  public List<OpenApiOperation> operations() {
    List<OpenApiOperation> ops = new ArrayList<>();
    if (model.getPaths() == null) {
      return ops;
    }
    for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
      JsonPointer pathPointer = JsonPointer.of("paths", path.getKey());
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        String method = op.getKey().name();
        ops.add(
            new OpenApiOperation(
                method,
                path.getKey(),
                op.getValue(),
                pathPointer.append(method.toLowerCase(Locale.ROOT))));
      }
    }
    return ops;
  }

  /** The {@code x-...} extensions Interlock understands, read from the document root. */
  public ContractExtensions extensions() {
    return ContractExtensions.of(model.getExtensions());
  }
}
