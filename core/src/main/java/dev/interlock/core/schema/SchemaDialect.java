package dev.interlock.core.schema;

/** Which flavour of JSON Schema a document's schemas are written in. */
public enum SchemaDialect {
  /** OpenAPI 3.0: a Draft 4 dialect with {@code nullable}; translated before validation. */
  OPENAPI_30,
  /** OpenAPI 3.1: JSON Schema 2020-12. */
  OPENAPI_31,
  /** AsyncAPI's default schema format, a superset of Draft 7. */
  DRAFT_7,
  DRAFT_2020_12
}
