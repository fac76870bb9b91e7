package dev.interlock.diff.internal;

import static dev.interlock.diff.Change.Level.BREAKING;
import static dev.interlock.diff.Change.Level.NON_BREAKING;
import static dev.interlock.diff.Change.Level.POTENTIALLY_BREAKING;

import dev.interlock.diff.Change.Level;

/**
 * The rules that compare two schemas. Each has one level when the schema describes a request (the
 * caller writes, the API reads) and one when it describes a response (the API writes, the consumer
 * reads); a message payload takes the worse of the two.
 */
public enum SchemaRule {
  TYPE_NARROWED("type-narrowed", BREAKING, NON_BREAKING, "a type is no longer accepted"),
  TYPE_WIDENED("type-widened", NON_BREAKING, BREAKING, "a type is now also allowed"),
  TYPE_CHANGED("type-changed", BREAKING, BREAKING, "the type changed incompatibly"),
  FORMAT_ADDED("format-added", BREAKING, NON_BREAKING, "a format was added"),
  FORMAT_REMOVED("format-removed", NON_BREAKING, BREAKING, "the format was removed"),
  FORMAT_CHANGED("format-changed", BREAKING, BREAKING, "the format changed"),
  BECAME_NULLABLE("became-nullable", NON_BREAKING, BREAKING, "null is now allowed"),
  BECAME_NON_NULLABLE("became-non-nullable", BREAKING, NON_BREAKING, "null is no longer allowed"),
  ENUM_VALUE_ADDED("enum-value-added", NON_BREAKING, BREAKING, "an enum value was added"),
  ENUM_VALUE_REMOVED("enum-value-removed", BREAKING, NON_BREAKING, "an enum value was removed"),
  ENUM_ADDED("enum-added", BREAKING, NON_BREAKING, "values are now restricted to an enum"),
  ENUM_REMOVED("enum-removed", NON_BREAKING, BREAKING, "the enum restriction was dropped"),
  EXTENSIBLE_ENUM_VALUE_ADDED(
      "extensible-enum-value-added",
      NON_BREAKING,
      NON_BREAKING,
      "an x-extensible-enum value was added (clients must expect new values)"),
  EXTENSIBLE_ENUM_VALUE_REMOVED(
      "extensible-enum-value-removed",
      BREAKING,
      NON_BREAKING,
      "an x-extensible-enum value was removed"),
  MAX_LENGTH_DECREASED(
      "max-length-decreased", BREAKING, NON_BREAKING, "maxLength was added or decreased"),
  MAX_LENGTH_INCREASED(
      "max-length-increased", NON_BREAKING, BREAKING, "maxLength was raised or dropped"),
  MIN_LENGTH_INCREASED(
      "min-length-increased", BREAKING, NON_BREAKING, "minLength was added or increased"),
  MIN_LENGTH_DECREASED(
      "min-length-decreased", NON_BREAKING, BREAKING, "minLength was lowered or dropped"),
  MAX_DECREASED(
      "max-decreased", BREAKING, NON_BREAKING, "maximum was added, decreased or made exclusive"),
  MAX_INCREASED(
      "max-increased", NON_BREAKING, BREAKING, "maximum was raised, dropped or made inclusive"),
  MIN_INCREASED(
      "min-increased", BREAKING, NON_BREAKING, "minimum was added, increased or made exclusive"),
  MIN_DECREASED(
      "min-decreased", NON_BREAKING, BREAKING, "minimum was lowered, dropped or made inclusive"),
  MAX_ITEMS_DECREASED(
      "max-items-decreased", BREAKING, NON_BREAKING, "maxItems was added or decreased"),
  MAX_ITEMS_INCREASED(
      "max-items-increased", NON_BREAKING, BREAKING, "maxItems was raised or dropped"),
  MIN_ITEMS_INCREASED(
      "min-items-increased", BREAKING, NON_BREAKING, "minItems was added or increased"),
  MIN_ITEMS_DECREASED(
      "min-items-decreased", NON_BREAKING, BREAKING, "minItems was lowered or dropped"),
  MAX_PROPERTIES_DECREASED(
      "max-properties-decreased", BREAKING, NON_BREAKING, "maxProperties was added or decreased"),
  MAX_PROPERTIES_INCREASED(
      "max-properties-increased", NON_BREAKING, BREAKING, "maxProperties was raised or dropped"),
  MIN_PROPERTIES_INCREASED(
      "min-properties-increased", BREAKING, NON_BREAKING, "minProperties was added or increased"),
  MIN_PROPERTIES_DECREASED(
      "min-properties-decreased", NON_BREAKING, BREAKING, "minProperties was lowered or dropped"),
  UNIQUE_ITEMS_ADDED("unique-items-added", BREAKING, NON_BREAKING, "items must now be unique"),
  UNIQUE_ITEMS_REMOVED("unique-items-removed", NON_BREAKING, BREAKING, "items may now repeat"),
  PATTERN_ADDED("pattern-added", BREAKING, NON_BREAKING, "a pattern was added"),
  PATTERN_CHANGED("pattern-changed", BREAKING, BREAKING, "the pattern changed"),
  PATTERN_REMOVED("pattern-removed", NON_BREAKING, BREAKING, "the pattern was removed"),
  MULTIPLE_OF_NARROWED(
      "multiple-of-narrowed",
      BREAKING,
      NON_BREAKING,
      "multipleOf was added or became a multiple of the old one"),
  MULTIPLE_OF_WIDENED(
      "multiple-of-widened",
      NON_BREAKING,
      BREAKING,
      "multipleOf was dropped or became a divisor of the old one"),
  MULTIPLE_OF_CHANGED(
      "multiple-of-changed", BREAKING, BREAKING, "multipleOf changed to an unrelated value"),
  DEFAULT_CHANGED(
      "default-changed",
      BREAKING,
      BREAKING,
      "the default value changed (an omitted value now means another one)"),
  PROPERTY_REMOVED(
      "property.removed",
      BREAKING,
      BREAKING,
      "an optional property was removed (what callers send is ignored; what readers used is gone)"),
  PROPERTY_REQUIRED_REMOVED(
      "property.required-removed", BREAKING, BREAKING, "a required property was removed"),
  PROPERTY_ADDED("property.added", NON_BREAKING, NON_BREAKING, "an optional property was added"),
  PROPERTY_ADDED_TO_CLOSED(
      "property.added-to-closed",
      NON_BREAKING,
      BREAKING,
      "a property was added where additionalProperties was false (readers were promised none)"),
  PROPERTY_REQUIRED_ADDED(
      "property.required-added", BREAKING, NON_BREAKING, "a new required property was added"),
  PROPERTY_BECAME_REQUIRED(
      "property.became-required", BREAKING, NON_BREAKING, "an optional property became required"),
  PROPERTY_REQUIRED_WITH_DEFAULT(
      "property.required-with-default",
      POTENTIALLY_BREAKING,
      NON_BREAKING,
      "a property became required, with a default the API assumes when it is absent"),
  PROPERTY_BECAME_OPTIONAL(
      "property.became-optional", NON_BREAKING, BREAKING, "a required property became optional"),
  PROPERTY_BECAME_READ_ONLY(
      "property.became-read-only",
      BREAKING,
      NON_BREAKING,
      "a property became read-only (callers can no longer set it)"),
  PROPERTY_BECAME_WRITE_ONLY(
      "property.became-write-only",
      NON_BREAKING,
      BREAKING,
      "a property became write-only (responses no longer carry it)"),
  ADDITIONAL_PROPERTIES_CLOSED(
      "additional-properties-closed",
      BREAKING,
      NON_BREAKING,
      "additionalProperties became false: unknown properties are refused"),
  ADDITIONAL_PROPERTIES_OPENED(
      "additional-properties-opened",
      NON_BREAKING,
      POTENTIALLY_BREAKING,
      "additionalProperties are now allowed"),
  ADDITIONAL_PROPERTIES_RESTRICTED(
      "additional-properties-restricted",
      BREAKING,
      NON_BREAKING,
      "additional properties must now match a schema"),
  ADDITIONAL_PROPERTIES_UNRESTRICTED(
      "additional-properties-unrestricted",
      NON_BREAKING,
      BREAKING,
      "additional properties no longer have to match a schema"),
  ONE_OF_ALTERNATIVE_ADDED(
      "one-of.alternative-added", NON_BREAKING, BREAKING, "a oneOf alternative was added"),
  ONE_OF_ALTERNATIVE_REMOVED(
      "one-of.alternative-removed", BREAKING, NON_BREAKING, "a oneOf alternative was removed"),
  ANY_OF_ALTERNATIVE_ADDED(
      "any-of.alternative-added", NON_BREAKING, BREAKING, "an anyOf alternative was added"),
  ANY_OF_ALTERNATIVE_REMOVED(
      "any-of.alternative-removed", BREAKING, NON_BREAKING, "an anyOf alternative was removed"),
  COMPOSITION_CHANGED(
      "composition-changed",
      POTENTIALLY_BREAKING,
      POTENTIALLY_BREAKING,
      "a schema became, or stopped being, a oneOf/anyOf composition none of whose alternatives"
          + " is the other schema"),
  NOT_ADDED("not-added", BREAKING, NON_BREAKING, "a 'not' now refuses the values it matches"),
  NOT_REMOVED(
      "not-removed", NON_BREAKING, BREAKING, "a 'not' was removed: values it refused are allowed"),
  NOT_CHANGED("not-changed", BREAKING, BREAKING, "the schema under 'not' changed"),
  DISCRIMINATOR_CHANGED(
      "discriminator-changed",
      BREAKING,
      BREAKING,
      "the discriminator property changed (clients pick the type by another property)"),
  DISCRIMINATOR_ADDED_OR_REMOVED(
      "discriminator-added-or-removed",
      POTENTIALLY_BREAKING,
      POTENTIALLY_BREAKING,
      "a discriminator was added or removed"),
  DISCRIMINATOR_MAPPING_ADDED(
      "discriminator-mapping-added",
      NON_BREAKING,
      BREAKING,
      "a discriminator value was mapped (a new type can arrive)"),
  DISCRIMINATOR_MAPPING_REMOVED(
      "discriminator-mapping-removed",
      BREAKING,
      NON_BREAKING,
      "a discriminator value is no longer mapped"),
  DISCRIMINATOR_MAPPING_CHANGED(
      "discriminator-mapping-changed",
      BREAKING,
      BREAKING,
      "a discriminator value maps to another schema"),
  DEPENDENT_REQUIRED_ADDED(
      "dependent-required-added",
      BREAKING,
      NON_BREAKING,
      "a dependentRequired (OpenAPI 3.1) requirement was added");

  private final String suffix;
  private final Level requestLevel;
  private final Level responseLevel;
  private final String description;

  SchemaRule(String suffix, Level requestLevel, Level responseLevel, String description) {
    this.suffix = suffix;
    this.requestLevel = requestLevel;
    this.responseLevel = responseLevel;
    this.description = description;
  }

  public String suffix() {
    return suffix;
  }

  public String description() {
    return description;
  }

  public Level level(Direction direction) {
    return switch (direction) {
      case REQUEST -> requestLevel;
      case RESPONSE -> responseLevel;
      case BOTH -> Level.worst(requestLevel, responseLevel);
    };
  }
}
