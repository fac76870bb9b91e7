package dev.interlock.kafka;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import java.util.List;
import java.util.Optional;

/**
 * One Kafka topic as the AsyncAPI contracts declare it: the channel's {@code bindings.kafka.topic}
 * (else its address), its partitions and replicas, and the messages that flow on it.
 *
 * @param channelPointer where the channel is defined, for located findings
 */
public record TopicBinding(
    String topic,
    Optional<Integer> partitions,
    Optional<Short> replicas,
    List<Message> messages,
    AsyncApiContract contract,
    JsonPointer channelPointer) {

  public TopicBinding {
    messages = List.copyOf(messages);
  }

  /**
   * One message of the topic with its Kafka message binding.
   *
   * @param keySchema {@code bindings.kafka.key}, the schema of the record key, when declared
   * @param keyLocation the runtime expression the record key is taken from ({@code
   *     $message.payload#/orderId}, the message's {@code correlationId}), when there is one
   */
  public record Message(
      AsyncApiContract contract,
      AsyncApiMessage message,
      Optional<JsonPointer> keySchema,
      Optional<String> keyLocation) {

    /** The content type the payload is serialised as: the message's, else the document's. */
    public String contentType() {
      return message
          .contentType()
          .orElseGet(
              () ->
                  contract.defaultContentType() == null
                      ? "application/json"
                      : contract.defaultContentType());
    }
  }
}
