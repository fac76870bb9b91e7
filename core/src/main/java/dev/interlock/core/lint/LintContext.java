package dev.interlock.core.lint;

import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import java.util.IdentityHashMap;
import java.util.Map;

/** What rules share while linting: one compiled schema validator per contract. */
public final class LintContext {

  private final Map<Contract, JsonSchemaValidator> validators = new IdentityHashMap<>();

  public JsonSchemaValidator validator(Contract contract) {
    return validators.computeIfAbsent(
        contract, c -> JsonSchemaValidator.forDocument(c.source(), dialect(c)));
  }

  static SchemaDialect dialect(Contract c) {
    if (c instanceof OpenApiContract o) {
      return o.isOpenApi31() ? SchemaDialect.OPENAPI_31 : SchemaDialect.OPENAPI_30;
    }
    if (c instanceof AsyncApiContract) {
      return SchemaDialect.DRAFT_7;
    }
    return SchemaDialect.DRAFT_2020_12;
  }
}
