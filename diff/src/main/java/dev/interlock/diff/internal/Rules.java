package dev.interlock.diff.internal;

import static dev.interlock.diff.Change.Level.BREAKING;
import static dev.interlock.diff.Change.Level.NON_BREAKING;
import static dev.interlock.diff.Change.Level.POTENTIALLY_BREAKING;

import dev.interlock.diff.Change.Level;
import dev.interlock.diff.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
          "the operationId changed or was removed (generated clients rename the method)");
  public static final Rule OPERATION_REMOVED_BEFORE_SUNSET =
      rule(
          "openapi.operation.removed-before-sunset",
          BREAKING,
          "a deprecated operation was removed before its x-sunset date");
  public static final Rule OPERATION_REMOVED_DEPRECATED =
      rule(
          "openapi.operation.removed-deprecated",
          POTENTIALLY_BREAKING,
          "a deprecated operation without a valid x-sunset date was removed");
  public static final Rule OPERATION_SUNSET_INVALID =
      rule(
          "openapi.operation.sunset-invalid",
          POTENTIALLY_BREAKING,
          "a deprecated operation's x-sunset is not a date");
  public static final Rule OPERATION_SUNSET_PAST =
      rule(
          "openapi.operation.sunset-in-past",
          BREAKING,
          "an operation was deprecated with an x-sunset date already past (no notice period)");
  public static final Rule OPERATION_SUNSET_EARLIER =
      rule(
          "openapi.operation.sunset-brought-forward",
          BREAKING,
          "a deprecated operation's x-sunset date moved earlier");
  public static final Rule OPERATION_SUNSET_REMOVED =
      rule(
          "openapi.operation.sunset-removed",
          POTENTIALLY_BREAKING,
          "a deprecated operation lost its x-sunset date");
  public static final Rule OPERATION_REACTIVATED =
      rule(
          "openapi.operation.reactivated",
          NON_BREAKING,
          "a deprecated operation is no longer deprecated");
  public static final Rule OPERATION_STABILITY_DECREASED =
      rule(
          "openapi.operation.stability-decreased",
          BREAKING,
          "x-stability-level went down (stable, beta, alpha, draft)");
  public static final Rule OPERATION_STABILITY_INVALID =
      rule(
          "openapi.operation.stability-invalid",
          POTENTIALLY_BREAKING,
          "x-stability-level is not one of draft, alpha, beta, stable");

  // OpenAPI: parameters
  public static final Rule PARAMETER_REMOVED =
      rule(
          "openapi.request.parameter.removed",
          BREAKING,
          "a parameter was removed (callers still send it and the API silently ignores it)");
  public static final Rule PARAMETER_REMOVED_DEPRECATED =
      rule(
          "openapi.request.parameter.removed-deprecated",
          POTENTIALLY_BREAKING,
          "a deprecated parameter was removed, without an x-sunset date or after it");
  public static final Rule PARAMETER_DEPRECATED =
      rule("openapi.request.parameter.deprecated", NON_BREAKING, "a parameter was deprecated");
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
  public static final Rule PARAMETER_GENERALIZED_TO_ARRAY =
      rule(
          "openapi.request.parameter.generalized-to-array",
          NON_BREAKING,
          "a parameter now takes a list in a style where one value reads as a one-element list");
  public static final Rule PARAMETER_EMPTY_VALUE_PROHIBITED =
      rule(
          "openapi.request.parameter.empty-value-prohibited",
          BREAKING,
          "allowEmptyValue was withdrawn: an empty value is refused");
  public static final Rule PARAMETER_EMPTY_VALUE_ALLOWED =
      rule(
          "openapi.request.parameter.empty-value-allowed",
          NON_BREAKING,
          "allowEmptyValue was granted: an empty value is accepted");
  public static final Rule PARAMETER_RESERVED_PROHIBITED =
      rule(
          "openapi.request.parameter.reserved-prohibited",
          BREAKING,
          "allowReserved was withdrawn: reserved characters must now be percent-encoded");
  public static final Rule PARAMETER_RESERVED_ALLOWED =
      rule(
          "openapi.request.parameter.reserved-allowed",
          NON_BREAKING,
          "allowReserved was granted: reserved characters may be sent as they are");

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
          BREAKING,
          "the request body was removed (callers still send one and the API ignores it)");
  public static final Rule BODY_BECAME_OPTIONAL =
      rule(
          "openapi.request.body.became-optional", NON_BREAKING, "the request body became optional");
  public static final Rule BODY_MEDIA_TYPE_REMOVED =
      rule(
          "openapi.request.body.media-type-removed",
          BREAKING,
          "a request media type is no longer accepted");
  public static final Rule BODY_MEDIA_TYPE_ADDED =
      rule("openapi.request.body.media-type-added", NON_BREAKING, "a request media type was added");
  public static final Rule BODY_MEDIA_TYPE_GENERALIZED =
      rule(
          "openapi.request.body.media-type-generalized",
          NON_BREAKING,
          "a request media type gave way to a range that covers it (application/xml to */*)");
  public static final Rule BODY_SCHEMA_ADDED =
      rule(
          "openapi.request.body.schema-added",
          BREAKING,
          "a request media type that accepted anything now has a schema");
  public static final Rule BODY_SCHEMA_REMOVED =
      rule(
          "openapi.request.body.schema-removed",
          NON_BREAKING,
          "a request media type's schema was removed (anything is accepted)");

  // OpenAPI: responses
  public static final Rule STATUS_REMOVED =
      rule(
          "openapi.response.status-removed",
          BREAKING,
          "a success (1xx-3xx) or default response was removed");
  public static final Rule ERROR_STATUS_REMOVED =
      rule(
          "openapi.response.error-status-removed",
          BREAKING,
          "an error (4xx/5xx) response was removed (clients that handle it get something else)");
  public static final Rule STATUS_ADDED =
      rule("openapi.response.status-added", NON_BREAKING, "a response status was added");
  public static final Rule RESPONSE_MEDIA_TYPE_REMOVED =
      rule(
          "openapi.response.media-type-removed",
          BREAKING,
          "a response media type is no longer produced");
  public static final Rule RESPONSE_MEDIA_TYPE_ADDED =
      rule("openapi.response.media-type-added", NON_BREAKING, "a response media type was added");
  public static final Rule RESPONSE_MEDIA_TYPE_GENERALIZED =
      rule(
          "openapi.response.media-type-generalized",
          POTENTIALLY_BREAKING,
          "a response media type gave way to a range (application/xml to */*): any type may come");
  public static final Rule RESPONSE_SCHEMA_REMOVED =
      rule(
          "openapi.response.schema-removed",
          BREAKING,
          "a response media type lost its schema (nothing is promised about the body)");
  public static final Rule RESPONSE_SCHEMA_ADDED =
      rule("openapi.response.schema-added", NON_BREAKING, "a response media type got a schema");
  public static final Rule HEADER_REMOVED =
      rule("openapi.response.header.removed", BREAKING, "a response header was removed");
  public static final Rule HEADER_BECAME_OPTIONAL =
      rule(
          "openapi.response.header.became-optional",
          BREAKING,
          "a required response header became optional");
  public static final Rule HEADER_ADDED =
      rule("openapi.response.header.added", NON_BREAKING, "a response header was added");
  public static final Rule HEADER_BECAME_REQUIRED =
      rule(
          "openapi.response.header.became-required",
          NON_BREAKING,
          "an optional response header became required (always sent)");
  public static final Rule HEADER_STYLE_CHANGED =
      rule(
          "openapi.response.header.style-changed",
          BREAKING,
          "a response header's explode changed (it is serialized differently)");

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
  public static final Rule SECURITY_SCOPE_REMOVED =
      rule(
          "openapi.security.scope-removed",
          NON_BREAKING,
          "a security requirement needs fewer OAuth scopes");
  public static final Rule SECURITY_SCHEME_CHANGED =
      rule(
          "openapi.security.scheme-changed",
          BREAKING,
          "a security scheme changed type, location, header name, HTTP scheme or bearer format");
  public static final Rule SECURITY_FLOW_REMOVED =
      rule(
          "openapi.security.flow-removed",
          BREAKING,
          "an OAuth 2 flow of a security scheme was removed");
  public static final Rule SECURITY_FLOW_URL_CHANGED =
      rule(
          "openapi.security.flow-url-changed",
          BREAKING,
          "an OAuth 2 flow's authorization, token or refresh URL changed");

  // OpenAPI: servers
  public static final Rule SERVER_REMOVED =
      rule(
          "openapi.server.removed",
          BREAKING,
          "a server URL of the document was removed (clients configured with it lose the API)");
  public static final Rule SERVER_ADDED =
      rule("openapi.server.added", NON_BREAKING, "a server URL was added");
  public static final Rule OPERATION_SERVER_REMOVED =
      rule(
          "openapi.operation.server-removed",
          POTENTIALLY_BREAKING,
          "a server URL of a path or operation was removed (it falls back to the document's)");
  public static final Rule OPERATION_SERVER_ADDED =
      rule(
          "openapi.operation.server-added",
          NON_BREAKING,
          "a path or operation got a server URL of its own");

  // OpenAPI 3.1 webhooks: the API calls the consumer, so the request is what the consumer reads
  // and the response is what it writes; each operation rule has a webhook twin whose level follows
  // that swap (a required header added is news the consumer can ignore, a header removed may be one
  // it reads).
  private static final Map<Rule, Rule> WEBHOOK = new LinkedHashMap<>();

  static {
    webhook(OPERATION_REMOVED, BREAKING, "a webhook was removed (consumers stop receiving it)");
    webhook(OPERATION_REMOVED_AFTER_SUNSET, NON_BREAKING, "a webhook was removed after its sunset");
    webhook(OPERATION_REMOVED_BEFORE_SUNSET, BREAKING, "a webhook was removed before its sunset");
    webhook(OPERATION_REMOVED_DEPRECATED, POTENTIALLY_BREAKING, "a deprecated webhook was removed");
    webhook(OPERATION_ADDED, NON_BREAKING, "a webhook was added");
    webhook(OPERATION_DEPRECATED, NON_BREAKING, "a webhook was deprecated with x-sunset");
    webhook(
        OPERATION_DEPRECATED_WITHOUT_SUNSET,
        POTENTIALLY_BREAKING,
        "a webhook was deprecated without x-sunset");
    webhook(OPERATION_SUNSET_INVALID, POTENTIALLY_BREAKING, "a webhook's x-sunset is not a date");
    webhook(OPERATION_SUNSET_PAST, BREAKING, "a webhook was deprecated with a past x-sunset");
    webhook(OPERATION_SUNSET_EARLIER, BREAKING, "a webhook's x-sunset moved earlier");
    webhook(OPERATION_SUNSET_REMOVED, POTENTIALLY_BREAKING, "a webhook lost its x-sunset");
    webhook(OPERATION_REACTIVATED, NON_BREAKING, "a webhook is no longer deprecated");
    webhook(OPERATION_STABILITY_DECREASED, BREAKING, "a webhook's x-stability-level went down");
    webhook(
        OPERATION_STABILITY_INVALID,
        POTENTIALLY_BREAKING,
        "a webhook's x-stability-level is unknown");
    webhook(OPERATION_ID_CHANGED, POTENTIALLY_BREAKING, "a webhook's operationId changed");
    webhook(PARAMETER_REMOVED, BREAKING, "a parameter the API sent is no longer sent");
    webhook(
        PARAMETER_REMOVED_DEPRECATED,
        POTENTIALLY_BREAKING,
        "a deprecated parameter is no longer sent");
    webhook(PARAMETER_DEPRECATED, NON_BREAKING, "a parameter was deprecated");
    webhook(PARAMETER_ADDED, NON_BREAKING, "the API may send a further parameter");
    webhook(PARAMETER_REQUIRED_ADDED, NON_BREAKING, "the API always sends a further parameter");
    webhook(PARAMETER_BECAME_REQUIRED, NON_BREAKING, "a parameter is now always sent");
    webhook(
        PARAMETER_BECAME_OPTIONAL,
        BREAKING,
        "a parameter the consumer could rely on may be missing");
    webhook(
        PARAMETER_LOCATION_CHANGED, BREAKING, "a parameter moved (query, header, path, cookie)");
    webhook(PARAMETER_STYLE_CHANGED, BREAKING, "a parameter is serialized differently");
    webhook(
        PARAMETER_GENERALIZED_TO_ARRAY, POTENTIALLY_BREAKING, "the API may send a list of values");
    webhook(PARAMETER_EMPTY_VALUE_PROHIBITED, NON_BREAKING, "the API no longer sends empty values");
    webhook(PARAMETER_EMPTY_VALUE_ALLOWED, POTENTIALLY_BREAKING, "the API may send empty values");
    webhook(PARAMETER_RESERVED_PROHIBITED, NON_BREAKING, "reserved characters are always encoded");
    webhook(
        PARAMETER_RESERVED_ALLOWED,
        POTENTIALLY_BREAKING,
        "reserved characters may arrive unencoded");
    webhook(BODY_ADDED, NON_BREAKING, "the API may send a payload");
    webhook(BODY_REQUIRED_ADDED, NON_BREAKING, "the API always sends a payload");
    webhook(BODY_BECAME_REQUIRED, NON_BREAKING, "the payload is always sent");
    webhook(BODY_REMOVED, BREAKING, "the payload the consumer reads is no longer sent");
    webhook(BODY_BECAME_OPTIONAL, BREAKING, "the payload may be missing");
    webhook(BODY_MEDIA_TYPE_REMOVED, NON_BREAKING, "the API no longer sends a media type");
    webhook(
        BODY_MEDIA_TYPE_ADDED, BREAKING, "the API may send a media type the consumer never read");
    webhook(
        BODY_MEDIA_TYPE_GENERALIZED,
        POTENTIALLY_BREAKING,
        "the API may send any type of a range instead of one");
    webhook(BODY_SCHEMA_ADDED, NON_BREAKING, "the payload of a media type got a schema");
    webhook(BODY_SCHEMA_REMOVED, BREAKING, "nothing is promised about a payload any more");
    webhook(STATUS_REMOVED, BREAKING, "a success reply of the consumer is no longer expected");
    webhook(
        ERROR_STATUS_REMOVED,
        POTENTIALLY_BREAKING,
        "an error reply of the consumer is no longer expected");
    webhook(STATUS_ADDED, NON_BREAKING, "the consumer may give a further reply");
    webhook(
        RESPONSE_MEDIA_TYPE_REMOVED, BREAKING, "a media type of the consumer's reply is refused");
    webhook(
        RESPONSE_MEDIA_TYPE_ADDED, NON_BREAKING, "a further media type of the reply is accepted");
    webhook(
        RESPONSE_MEDIA_TYPE_GENERALIZED,
        NON_BREAKING,
        "a range of reply media types is accepted instead of one");
    webhook(RESPONSE_SCHEMA_REMOVED, NON_BREAKING, "any reply body is accepted");
    webhook(RESPONSE_SCHEMA_ADDED, BREAKING, "the consumer's reply body is now constrained");
    webhook(HEADER_REMOVED, NON_BREAKING, "a reply header is no longer read");
    webhook(HEADER_BECAME_OPTIONAL, NON_BREAKING, "a reply header may be left out");
    webhook(HEADER_ADDED, NON_BREAKING, "a reply header is read if sent");
    webhook(HEADER_BECAME_REQUIRED, BREAKING, "the consumer must send a reply header");
    webhook(HEADER_STYLE_CHANGED, BREAKING, "a reply header is read with another serialization");
  }

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

  /**
   * The webhook twin of an operation rule: {@code openapi.operation.removed} becomes {@code
   * openapi.webhook.removed}, {@code openapi.request.body.removed} becomes {@code
   * openapi.webhook.request.body.removed}.
   */
  public static Rule forWebhook(Rule pathRule) {
    Rule twin = WEBHOOK.get(pathRule);
    if (twin == null) {
      throw new IllegalArgumentException("no webhook twin for " + pathRule.id());
    }
    return twin;
  }

  private static void webhook(Rule pathRule, Level level, String description) {
    String id =
        pathRule.id().startsWith("openapi.operation.")
            ? "openapi.webhook." + pathRule.id().substring("openapi.operation.".length())
            : "openapi.webhook." + pathRule.id().substring("openapi.".length());
    WEBHOOK.put(pathRule, rule(id, level, "webhook: " + description));
  }

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
  public static final SchemaPrefix WEBHOOK_REQUEST_BODY =
      new SchemaPrefix("openapi.webhook.request.body.", Direction.RESPONSE, "webhook payload");
  public static final SchemaPrefix WEBHOOK_REQUEST_PARAMETER =
      new SchemaPrefix(
          "openapi.webhook.request.parameter.", Direction.RESPONSE, "webhook parameter");
  public static final SchemaPrefix WEBHOOK_RESPONSE_BODY =
      new SchemaPrefix("openapi.webhook.response.", Direction.REQUEST, "webhook reply body");
  public static final SchemaPrefix WEBHOOK_RESPONSE_HEADER =
      new SchemaPrefix(
          "openapi.webhook.response.header.", Direction.REQUEST, "webhook reply header");
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
        WEBHOOK_REQUEST_BODY,
        WEBHOOK_REQUEST_PARAMETER,
        WEBHOOK_RESPONSE_BODY,
        WEBHOOK_RESPONSE_HEADER,
        MESSAGE_PAYLOAD,
        MESSAGE_HEADERS);
  }
}
