package dev.interlock.diff.internal;

import static dev.interlock.diff.Change.Level.BREAKING;
import static dev.interlock.diff.Change.Level.NON_BREAKING;
import static dev.interlock.diff.Change.Level.POTENTIALLY_BREAKING;

import dev.interlock.diff.Change.Level;
import dev.interlock.diff.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules about the structure of a contract (operations, parameters, bodies, responses, security,
 * channels, versions). Schema rules ({@link SchemaRule}) are expanded per place a schema can appear
 * by {@link #schemaPrefixes()}.
 */
public final class Rules {

  private static final List<Rule> ALL = new ArrayList<>();

  // Contract files (folder diffs)
  public static final Rule CONTRACT_REMOVED =
      rule("diff.contract.removed", BREAKING, "a contract file of the old version is missing");
  public static final Rule CONTRACT_ADDED =
      rule("diff.contract.added", NON_BREAKING, "a contract file is new");
  public static final Rule CONTRACT_KIND_CHANGED =
      rule("diff.contract.kind-changed", BREAKING, "a file changed kind (OpenAPI, AsyncAPI)");

  // OpenAPI: document
  public static final Rule VERSION_NOT_BUMPED =
      rule(
          "openapi.info.version-not-bumped",
          POTENTIALLY_BREAKING,
          "info.version is unchanged although the new version has breaking changes");
  public static final Rule BASE_PATH_CHANGED =
      rule(
          "openapi.base-path.changed",
          NON_BREAKING,
          "the versioned path prefix changed (/v1 to /v2): operations are matched without it");

  // OpenAPI: operations
  public static final Rule OPERATION_REMOVED =
      rule(
          "openapi.operation.removed",
          BREAKING,
          "an operation (method + path) was removed or renamed");
  public static final Rule OPERATION_REMOVED_AFTER_SUNSET =
      rule(
          "openapi.operation.removed-after-sunset",
          NON_BREAKING,
          "a deprecated operation whose x-sunset date has passed was removed");
  public static final Rule OPERATION_ADDED =
      rule("openapi.operation.added", NON_BREAKING, "an operation was added");
  public static final Rule OPERATION_DEPRECATED =
      rule(
          "openapi.operation.deprecated",
          NON_BREAKING,
          "an operation was deprecated with x-sunset");
  public static final Rule OPERATION_DEPRECATED_WITHOUT_SUNSET =
      rule(
          "openapi.operation.deprecated-without-sunset",
          POTENTIALLY_BREAKING,
          "an operation was deprecated without an x-sunset date");
  public static final Rule OPERATION_ID_CHANGED =
      rule(
          "openapi.operation.id-changed",
          POTENTIALLY_BREAKING,
          "the operationId changed (generated clients rename the method)");

  // OpenAPI: parameters
  public static final Rule PARAMETER_REMOVED =
      rule(
          "openapi.request.parameter.removed",
          POTENTIALLY_BREAKING,
          "a parameter was removed (callers still send it)");
  public static final Rule PARAMETER_ADDED =
      rule("openapi.request.parameter.added", NON_BREAKING, "an optional parameter was added");
  public static final Rule PARAMETER_REQUIRED_ADDED =
      rule("openapi.request.parameter.required-added", BREAKING, "a required parameter was added");
  public static final Rule PARAMETER_BECAME_REQUIRED =
      rule(
          "openapi.request.parameter.became-required",
          BREAKING,
          "an optional parameter became required");
  public static final Rule PARAMETER_BECAME_OPTIONAL =
      rule(
          "openapi.request.parameter.became-optional",
          NON_BREAKING,
          "a required parameter became optional");
  public static final Rule PARAMETER_LOCATION_CHANGED =
      rule(
          "openapi.request.parameter.location-changed",
          BREAKING,
          "a parameter moved (query, header, path, cookie)");
  public static final Rule PARAMETER_STYLE_CHANGED =
      rule(
          "openapi.request.parameter.style-changed",
          BREAKING,
          "a parameter's style or explode changed (it is serialized differently)");

  // OpenAPI: request bodies
  public static final Rule BODY_ADDED =
      rule("openapi.request.body.added", NON_BREAKING, "an optional request body was added");
  public static final Rule BODY_REQUIRED_ADDED =
      rule("openapi.request.body.required-added", BREAKING, "a required request body was added");
  public static final Rule BODY_BECAME_REQUIRED =
      rule("openapi.request.body.became-required", BREAKING, "the request body became required");
  public static final Rule BODY_REMOVED =
      rule(
          "openapi.request.body.removed",
          POTENTIALLY_BREAKING,
          "the request body was removed (callers still send one)");
  public static final Rule BODY_MEDIA_TYPE_REMOVED =
      rule(
          "openapi.request.body.media-type-removed",
          BREAKING,
          "a request media type is no longer accepted");
  public static final Rule BODY_MEDIA_TYPE_ADDED =
      rule("openapi.request.body.media-type-added", NON_BREAKING, "a request media type was added");

  // OpenAPI: responses
  public static final Rule STATUS_REMOVED =
      rule(
          "openapi.response.status-removed",
          BREAKING,
          "a success (1xx-3xx) or default response was removed");
  public static final Rule ERROR_STATUS_REMOVED =
      rule(
          "openapi.response.error-status-removed",
          POTENTIALLY_BREAKING,
          "an error (4xx/5xx) response was removed");
  public static final Rule STATUS_ADDED =
      rule("openapi.response.status-added", NON_BREAKING, "a response status was added");
  public static final Rule RESPONSE_MEDIA_TYPE_REMOVED =
      rule(
          "openapi.response.media-type-removed",
          BREAKING,
          "a response media type is no longer produced");
  public static final Rule RESPONSE_MEDIA_TYPE_ADDED =
      rule("openapi.response.media-type-added", NON_BREAKING, "a response media type was added");
  public static final Rule HEADER_REMOVED =
      rule("openapi.response.header.removed", BREAKING, "a response header was removed");
  public static final Rule HEADER_BECAME_OPTIONAL =
      rule(
          "openapi.response.header.became-optional",
          BREAKING,
          "a required response header became optional");
  public static final Rule HEADER_ADDED =
      rule("openapi.response.header.added", NON_BREAKING, "a response header was added");

  // OpenAPI: security
  public static final Rule SECURITY_REQUIREMENT_ADDED =
      rule(
          "openapi.security.requirement-added",
          BREAKING,
          "an operation that needed no authentication now needs it");
  public static final Rule SECURITY_ALTERNATIVE_REMOVED =
      rule(
          "openapi.security.alternative-removed",
          BREAKING,
          "a way to authenticate (security requirement alternative) was removed or changed");
  public static final Rule SECURITY_SCOPE_ADDED =
      rule(
          "openapi.security.scope-added",
          BREAKING,
          "a security requirement needs more OAuth scopes (scopes widened)");
  public static final Rule SECURITY_ALTERNATIVE_ADDED =
      rule(
          "openapi.security.alternative-added",
          NON_BREAKING,
          "a further way to authenticate was added");
  public static final Rule SECURITY_REMOVED =
      rule("openapi.security.removed", NON_BREAKING, "authentication is no longer required");
  public static final Rule SECURITY_SCHEME_CHANGED =
      rule(
          "openapi.security.scheme-changed",
          BREAKING,
          "a security scheme changed type, location, header name or HTTP scheme");

  // AsyncAPI
  public static final Rule ASYNC_VERSION_NOT_BUMPED =
      rule(
          "asyncapi.info.version-not-bumped",
          POTENTIALLY_BREAKING,
          "info.version is unchanged although the new version has breaking changes");
  public static final Rule CHANNEL_REMOVED =
      rule("asyncapi.channel.removed", BREAKING, "a channel was removed or renamed");
  public static final Rule CHANNEL_ADDED =
      rule("asyncapi.channel.added", NON_BREAKING, "a channel was added");
  public static final Rule ASYNC_OPERATION_REMOVED =
      rule("asyncapi.operation.removed", BREAKING, "an operation (send/receive) was removed");
  public static final Rule ASYNC_OPERATION_ADDED =
      rule("asyncapi.operation.added", NON_BREAKING, "an operation was added");
  public static final Rule ASYNC_OPERATION_ACTION_CHANGED =
      rule(
          "asyncapi.operation.action-changed",
          BREAKING,
          "an operation changed direction (send and receive swapped)");
  public static final Rule MESSAGE_REMOVED =
      rule("asyncapi.message.removed", BREAKING, "a message was removed from a channel");
  public static final Rule MESSAGE_ADDED =
      rule("asyncapi.message.added", NON_BREAKING, "a message was added to a channel");
  public static final Rule MESSAGE_CONTENT_TYPE_CHANGED =
      rule("asyncapi.message.content-type-changed", BREAKING, "a message's content type changed");

  private Rules() {}

  private static Rule rule(String id, Level level, String description) {
    Rule r = new Rule(id, level, description);
    ALL.add(r);
    return r;
  }

  public static List<Rule> structural() {
    return Collections.unmodifiableList(ALL);
  }

  /** Where a schema can appear, as rule id prefix, direction and a word for the description. */
  public record SchemaPrefix(String prefix, Direction direction, String where) {}

  public static final SchemaPrefix REQUEST_BODY =
      new SchemaPrefix("openapi.request.body.", Direction.REQUEST, "request body");
  public static final SchemaPrefix REQUEST_PARAMETER =
      new SchemaPrefix("openapi.request.parameter.", Direction.REQUEST, "request parameter");
  public static final SchemaPrefix RESPONSE_BODY =
      new SchemaPrefix("openapi.response.", Direction.RESPONSE, "response body");
  public static final SchemaPrefix RESPONSE_HEADER =
      new SchemaPrefix("openapi.response.header.", Direction.RESPONSE, "response header");
  public static final SchemaPrefix MESSAGE_PAYLOAD =
      new SchemaPrefix("asyncapi.payload.", Direction.BOTH, "message payload");
  public static final SchemaPrefix MESSAGE_HEADERS =
      new SchemaPrefix("asyncapi.headers.", Direction.BOTH, "message headers");

  public static List<SchemaPrefix> schemaPrefixes() {
    return List.of(
        REQUEST_BODY,
        REQUEST_PARAMETER,
        RESPONSE_BODY,
        RESPONSE_HEADER,
        MESSAGE_PAYLOAD,
        MESSAGE_HEADERS);
  }
}
