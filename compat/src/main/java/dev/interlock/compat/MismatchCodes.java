package dev.interlock.compat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every mismatch code with what it means. The codes are stable;
 * {@code @pactflow/swagger-mock-validator}'s equivalent is named where there is one.
 */
public final class MismatchCodes {

  private MismatchCodes() {}

  public static final String PATH_UNKNOWN = "pact.request.path.unknown";
  public static final String PATH_INVALID = "pact.request.path.invalid";
  public static final String METHOD_NOT_ALLOWED = "pact.request.method.not-allowed";
  public static final String QUERY_UNKNOWN = "pact.request.query.unknown";
  public static final String QUERY_INVALID = "pact.request.query.invalid";
  public static final String QUERY_REQUIRED_MISSING = "pact.request.query.required-missing";
  public static final String REQUEST_HEADER_UNKNOWN = "pact.request.header.unknown";
  public static final String REQUEST_HEADER_INVALID = "pact.request.header.invalid";
  public static final String REQUEST_HEADER_REQUIRED_MISSING =
      "pact.request.header.required-missing";
  public static final String SECURITY_MISSING = "pact.request.security.missing";
  public static final String REQUEST_CONTENT_TYPE_UNSUPPORTED =
      "pact.request.content-type.unsupported";
  public static final String REQUEST_CONTENT_TYPE_MISSING = "pact.request.content-type.missing";
  public static final String ACCEPT_UNSUPPORTED = "pact.request.accept.unsupported";
  public static final String REQUEST_BODY_INVALID = "pact.request.body.invalid";
  public static final String REQUEST_BODY_UNEXPECTED = "pact.request.body.unexpected";
  public static final String REQUEST_BODY_REQUIRED_MISSING = "pact.request.body.required-missing";
  public static final String REQUEST_MATCHER_INCOMPATIBLE =
      "pact.request.body.matcher-incompatible";
  public static final String STATUS_UNKNOWN = "pact.response.status.unknown";
  public static final String STATUS_DEFAULT = "pact.response.status.default";
  public static final String RESPONSE_HEADER_INVALID = "pact.response.header.invalid";
  public static final String RESPONSE_HEADER_UNKNOWN = "pact.response.header.unknown";
  public static final String RESPONSE_HEADER_UNDEFINED = "pact.response.header.undefined";
  public static final String RESPONSE_CONTENT_TYPE_UNSUPPORTED =
      "pact.response.content-type.unsupported";
  public static final String RESPONSE_BODY_INVALID = "pact.response.body.invalid";
  public static final String RESPONSE_BODY_UNKNOWN_FIELD = "pact.response.body.unknown-field";
  public static final String RESPONSE_BODY_UNEXPECTED = "pact.response.body.unexpected";
  public static final String RESPONSE_MATCHER_INCOMPATIBLE =
      "pact.response.body.matcher-incompatible";
  public static final String MESSAGE_UNKNOWN = "message.unknown";
  public static final String MESSAGE_CONTENT_TYPE_UNSUPPORTED = "message.content-type.unsupported";
  public static final String MESSAGE_PAYLOAD_INVALID = "message.payload.invalid";
  public static final String MESSAGE_PAYLOAD_UNKNOWN_FIELD = "message.payload.unknown-field";
  public static final String MESSAGE_MATCHER_INCOMPATIBLE = "message.payload.matcher-incompatible";
  public static final String MESSAGE_HEADER_INVALID = "message.header.invalid";
  public static final String MESSAGE_HEADER_REQUIRED_MISSING = "message.header.required-missing";

  /** Code to one sentence, in the order the checks run (documentation and the README table). */
  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        PATH_UNKNOWN,
        "no path template of the contract matches the request path (smv: request.path-or-method.unknown)");
    m.put(
        METHOD_NOT_ALLOWED,
        "the path exists but not with this method (smv: request.path-or-method.unknown)");
    m.put(
        PATH_INVALID,
        "a path parameter's value fails its schema (smv: request.path-or-method.unknown)");
    m.put(
        SECURITY_MISSING,
        "the operation requires credentials the request does not carry (smv: request.authorization.missing)");
    m.put(QUERY_REQUIRED_MISSING, "a required query parameter is absent");
    m.put(
        QUERY_INVALID,
        "a query parameter's value fails its schema (smv: request.query.incompatible)");
    m.put(
        QUERY_UNKNOWN,
        "warning: a query parameter the contract does not declare (smv: request.query.unknown)");
    m.put(REQUEST_HEADER_REQUIRED_MISSING, "a required request header is absent");
    m.put(
        REQUEST_HEADER_INVALID,
        "a request header's value fails its schema (smv: request.header.incompatible)");
    m.put(
        REQUEST_HEADER_UNKNOWN,
        "warning: a non-standard request header the contract does not declare (smv: request.header.unknown)");
    m.put(
        ACCEPT_UNSUPPORTED,
        "the Accept header matches no media type the operation responds with (smv: request.accept.incompatible)");
    m.put(
        REQUEST_CONTENT_TYPE_UNSUPPORTED,
        "the request's Content-Type is not one the operation accepts (smv: request.content-type.incompatible)");
    m.put(
        REQUEST_CONTENT_TYPE_MISSING,
        "warning: the request has a body but no Content-Type; the body is still validated (smv: request.content-type.missing)");
    m.put(
        REQUEST_BODY_UNEXPECTED,
        "warning: the request has a body the operation does not declare (smv: request.body.unknown)");
    m.put(
        REQUEST_BODY_REQUIRED_MISSING,
        "the operation requires a request body and the request has none");
    m.put(
        REQUEST_BODY_INVALID,
        "the request body fails the operation's schema (smv: request.body.incompatible)");
    m.put(
        REQUEST_MATCHER_INCOMPATIBLE,
        "a matching rule of the request allows values the schema refuses, or the example breaks its own rule");
    m.put(
        STATUS_UNKNOWN,
        "the operation declares no response for the status (smv: response.status.unknown)");
    m.put(
        STATUS_DEFAULT,
        "warning: the status is only covered by the default response (smv: response.status.default)");
    m.put(
        RESPONSE_HEADER_INVALID,
        "a response header's value fails its schema (smv: response.header.incompatible)");
    m.put(
        RESPONSE_HEADER_UNKNOWN,
        "the pact expects a non-standard response header the contract never promises (smv: response.header.unknown)");
    m.put(
        RESPONSE_HEADER_UNDEFINED,
        "warning: the pact expects a standard response header the contract does not mention (smv: response.header.undefined)");
    m.put(
        RESPONSE_CONTENT_TYPE_UNSUPPORTED,
        "the response's Content-Type is not one the contract produces for the status (smv: response.content-type.incompatible)");
    m.put(
        RESPONSE_BODY_UNEXPECTED,
        "the pact expects a body where the contract's response has none (smv: response.body.unknown)");
    m.put(
        RESPONSE_BODY_INVALID,
        "the expected response body fails the contract's schema, required relaxed (smv: response.body.incompatible)");
    m.put(
        RESPONSE_BODY_UNKNOWN_FIELD,
        "the pact expects a field the contract's schema does not declare (open or closed)");
    m.put(
        RESPONSE_MATCHER_INCOMPATIBLE,
        "a matching rule of the response contradicts the schema (type, regex vs enum/format, array sizes, dates), or the example breaks its own rule");
    m.put(
        MESSAGE_UNKNOWN,
        "no AsyncAPI message matches the pact message's description, topic or content type");
    m.put(
        MESSAGE_CONTENT_TYPE_UNSUPPORTED,
        "the message's content type is not the AsyncAPI message's");
    m.put(
        MESSAGE_PAYLOAD_INVALID, "the message contents fail the payload schema, required relaxed");
    m.put(
        MESSAGE_PAYLOAD_UNKNOWN_FIELD,
        "the pact expects a payload field the schema does not declare");
    m.put(
        MESSAGE_MATCHER_INCOMPATIBLE,
        "a matching rule of the message contradicts the payload schema");
    m.put(MESSAGE_HEADER_INVALID, "a metadata value fails the message's headers schema");
    m.put(
        MESSAGE_HEADER_REQUIRED_MISSING,
        "warning: the message's headers schema requires a header the pact's metadata lacks");
    return m;
  }
}
