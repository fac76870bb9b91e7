package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;

/**
 * The one place a request body becomes the tree that is validated, merged into state and compared
 * for idempotent replays: JSON as it is, form and multipart bodies decoded per the contract's media
 * type and {@code encoding} object and typed by their schema ({@link RequestBodies}), anything else
 * as one string. One per engine: it remembers what each operation declares.
 */
final class RequestBodyReader {

  private final RequestBodies bodies = new RequestBodies();

  /** The body of a call to an operation as a tree. */
  JsonNode read(OperationModel op, HttpCall call) {
    return bodies.tree(op, call.header("Content-Type"), call.body());
  }

  /**
   * The schema a call's body is validated against: that of the declared media type matching the
   * call's content type, exactly or by range; null when none matches or it has no schema.
   */
  JsonPointer schema(OperationModel op, HttpCall call) {
    return bodies.schema(op, call.header("Content-Type"));
  }

  /**
   * The violation of a body that cannot be read at all (a multipart body whose Content-Type names
   * no boundary), located at the header that is wrong; null when the body can be read.
   */
  static Violation unreadable(HttpCall call) {
    String why = RequestBodies.unreadable(call.header("Content-Type"));
    return why == null
        ? null
        : new Violation("/header/Content-Type", why, "validation.request.body.multipart.boundary");
  }

  /**
   * Whether the schema check of this call's body is the only verdict on it: form bodies, which the
   * request validator would read without the {@code encoding} object (and so refuse a deepObject).
   */
  static boolean decodesItself(HttpCall call) {
    return RequestBodies.decodesItself(call.header("Content-Type"));
  }
}
