package dev.interlock.verifiers.conformance;

import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.ResolverFully;
import java.util.List;

/**
 * A contract's model with every local reference inlined, for the response validator when its own
 * loader refuses the file (it refuses a document with any structural defect, which core only warns
 * about). Given the contract's model as it is, the validator would not follow a response that is a
 * {@code $ref} to {@code components/responses} and would call its body undeclared.
 */
final class ResolvedModel {

  private ResolvedModel() {}

  private static boolean hasResponseRef(OpenAPI model) {
    if (model.getPaths() == null) {
      return false;
    }
    for (PathItem item : model.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        if (op.getResponses() != null
            && op.getResponses().values().stream().anyMatch(r -> r.get$ref() != null)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A fresh model resolved from the contract's parsed tree (the contract's own model is shared and
   * must not change), or the contract's own when it cannot be built.
   */
  static OpenAPI of(OpenApiContract contract) {
    // Inlining everything costs a second model, and a large contract's (Stripe's) does not fit the
    // heap: only a contract with a response given by reference needs it.
    if (contract.convertedFromSwagger2() || !hasResponseRef(contract.model())) {
      return contract.model();
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    // merging oneOf/anyOf branches into one schema would refuse what any single branch accepts
    options.setResolveCombinators(false);
    options.setValidateExternalRefs(false);
    options.setSafelyResolveURL(true);
    String location = contract.file().toAbsolutePath().toString();
    try {
      SwaggerParseResult parsed =
          new OpenAPIV3Parser().parseJsonNode(location, contract.source().root(), options);
      OpenAPI model = parsed.getOpenAPI();
      if (model == null) {
        return contract.model();
      }
      new OpenAPIResolver(model, List.of(), location, null, options).resolve(parsed);
      new ResolverFully(options).resolveFully(model);
      return model;
    } catch (RuntimeException e) {
      // the validator then works on the contract's model, as it did before
      return contract.model();
    }
  }
}
