package dev.interlock.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.List;
import java.util.Optional;

/**
 * One message an AsyncAPI contract lets flow over a channel. Schemas are given as pointers into the
 * contract document ({@code $ref}s followed), so validators resolve nested references against the
 * document itself.
 *
 * @param channel the channel's address (2.x: its key; 3.x: {@code address}, or its key)
 * @param name the message's name ({@code name}, else its key in components or the channel)
 * @param action {@code send} or {@code receive} as seen by the application that owns the contract
 *     (2.x {@code publish} maps to {@code receive}, {@code subscribe} to {@code send})
 * @param pointer where the message is defined
 */
public record AsyncApiMessage(
    String channel,
    String name,
    String action,
    String operationId,
    Optional<String> contentType,
    Optional<JsonPointer> payloadSchema,
    Optional<JsonPointer> headersSchema,
    List<JsonNode> examples,
    JsonPointer pointer) {}
