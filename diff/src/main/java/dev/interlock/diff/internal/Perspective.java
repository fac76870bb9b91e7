package dev.interlock.diff.internal;

import dev.interlock.diff.Rule;

/**
 * Who calls whom in the operations being compared. Under {@code paths} the consumer calls the API;
 * under {@code webhooks} (OpenAPI 3.1) the API calls the consumer, so every rule takes its webhook
 * twin and schemas are judged from the other side.
 */
enum Perspective {
  PATHS(Rules.REQUEST_BODY, Rules.REQUEST_PARAMETER, Rules.RESPONSE_BODY, Rules.RESPONSE_HEADER),
  WEBHOOKS(
      Rules.WEBHOOK_REQUEST_BODY,
      Rules.WEBHOOK_REQUEST_PARAMETER,
      Rules.WEBHOOK_RESPONSE_BODY,
      Rules.WEBHOOK_RESPONSE_HEADER);

  private final Rules.SchemaPrefix requestBody;
  private final Rules.SchemaPrefix requestParameter;
  private final Rules.SchemaPrefix responseBody;
  private final Rules.SchemaPrefix responseHeader;

  Perspective(
      Rules.SchemaPrefix requestBody,
      Rules.SchemaPrefix requestParameter,
      Rules.SchemaPrefix responseBody,
      Rules.SchemaPrefix responseHeader) {
    this.requestBody = requestBody;
    this.requestParameter = requestParameter;
    this.responseBody = responseBody;
    this.responseHeader = responseHeader;
  }

  /** The rule as it applies here: itself under paths, its webhook twin under webhooks. */
  Rule rule(Rule pathRule) {
    return this == PATHS ? pathRule : Rules.forWebhook(pathRule);
  }

  Rules.SchemaPrefix requestBody() {
    return requestBody;
  }

  Rules.SchemaPrefix requestParameter() {
    return requestParameter;
  }

  Rules.SchemaPrefix responseBody() {
    return responseBody;
  }

  Rules.SchemaPrefix responseHeader() {
    return responseHeader;
  }
}
