package dev.interlock.mocks.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.ContractExtensions;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.OpenApiOperation;
import dev.interlock.core.contract.ServerBasePaths;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a vendor's contract as the sandbox serves it: its tree, its operations, the base
 * paths its servers declare, and its validators (built once, on first use: they are expensive).
 */
public final class ContractVersion {

  private final OpenApiContract contract;
  private final String label;
  private final SpecTree tree;
  private final List<OperationModel> operations = new ArrayList<>();
  private final List<String> basePaths;
  private final ContractExtensions extensions;
  private volatile OpenApiInteractionValidator requestValidator;
  private volatile JsonSchemaValidator schemaValidator;

  public ContractVersion(OpenApiContract contract) {
    this.contract = contract;
    this.tree = SpecTree.of(contract);
    String v = contract.apiVersion();
    this.label = v == null || v.isBlank() ? contract.file().getFileName().toString() : v;
    this.extensions = contract.extensions();
    this.basePaths = basePaths(tree.root());
    for (OpenApiOperation op : contract.operations()) {
      operations.add(new OperationModel(this, op));
    }
  }

  public OpenApiContract contract() {
    return contract;
  }

  public String label() {
    return label;
  }

  public SpecTree tree() {
    return tree;
  }

  public List<OperationModel> operations() {
    return operations;
  }

  public List<String> basePaths() {
    return basePaths;
  }

  public ContractExtensions extensions() {
    return extensions;
  }

  public boolean isOpenApi31() {
    return contract.isOpenApi31();
  }

  /**
   * The Atlassian validator for requests, over the contract's model with {@code allOf} merged (over
   * the parsed model, valid bodies with {@code allOf} are refused), built from this contract's
   * tree: the document is never read again ({@link ValidatorModel}). Security is checked by the
   * sandbox itself.
   */
  public OpenApiInteractionValidator requestValidator() {
    OpenApiInteractionValidator v = requestValidator;
    if (v == null) {
      synchronized (this) {
        if (requestValidator == null) {
          requestValidator = buildRequestValidator();
        }
        v = requestValidator;
      }
    }
    return v;
  }

  private OpenApiInteractionValidator buildRequestValidator() {
    LevelResolver levels =
        LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            .withLevel("validation.response", ValidationReport.Level.IGNORE)
            .build();
    return OpenApiInteractionValidator.createFor(ValidatorModel.of(contract))
        .withBasePathOverride("/")
        .withLevelResolver(levels)
        .build();
  }

  /**
   * Builds what validation needs, as the first request would: the request validator (what every
   * request goes through), then the schema validator's compiled document (bodies and responses).
   */
  public void warmUp() {
    requestValidator();
    StartupTrace.mark("request validator");
    schemaValidator().compile();
  }

  private JsonSchemaValidator schemaValidator() {
    JsonSchemaValidator v = schemaValidator;
    if (v == null) {
      synchronized (this) {
        if (schemaValidator == null) {
          schemaValidator =
              JsonSchemaValidator.forDocument(
                  tree.root(),
                  contract.isOpenApi31() ? SchemaDialect.OPENAPI_31 : SchemaDialect.OPENAPI_30);
        }
        v = schemaValidator;
      }
    }
    return v;
  }

  /** Violations of the schema at a pointer in this version's tree. */
  public List<SchemaViolation> validate(JsonPointer schemaPointer, JsonNode instance) {
    JsonSchemaValidator v = schemaValidator();
    try {
      return v.validate(schemaPointer, instance);
    } catch (RuntimeException e) {
      // A schema the validator cannot compile is a contract problem lint reports; do not fail here.
      return List.of();
    }
  }

  /** Walks a pointer through the tree, following {@code $ref}s at every step. */
  public JsonPointer resolve(JsonPointer start, String... tokens) {
    JsonPointer at = tree.derefPointer(start);
    for (String t : tokens) {
      at = tree.derefPointer(at.append(t));
    }
    return at;
  }

  /** The servers' base paths, most specific first, then the root. */
  private static List<String> basePaths(JsonNode root) {
    List<String> out = new ArrayList<>(ServerBasePaths.of(root));
    out.add("");
    return List.copyOf(out);
  }
}
