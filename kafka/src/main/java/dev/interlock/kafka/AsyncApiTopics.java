package dev.interlock.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.AsyncApiMessage;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topics of a set of AsyncAPI contracts (2.6, 3.x), keyed by topic name, and which
 * message a sandbox event becomes. Bindings are read as the Kafka binding (0.4/0.5) writes them:
 * channel {@code bindings.kafka.{topic, partitions, replicas}}, message {@code bindings.kafka.key}.
 */
public final class AsyncApiTopics {

  private final Map<String, TopicBinding> byTopic = new LinkedHashMap<>();
  private final Map<String, TopicBinding.Message> byMessageName = new LinkedHashMap<>();
  private final Map<String, String> topicOfChannel = new LinkedHashMap<>();

  private AsyncApiTopics() {}

  public static AsyncApiTopics of(List<AsyncApiContract> contracts) {
    AsyncApiTopics topics = new AsyncApiTopics();
    for (AsyncApiContract c : contracts) {
      topics.add(c);
    }
    return topics;
  }

  private void add(AsyncApiContract contract) {
    SourceDocument doc = contract.source();
    Map<String, List<TopicBinding.Message>> messages = new LinkedHashMap<>();
    Map<String, JsonPointer> channelPointers = new LinkedHashMap<>();
    for (AsyncApiMessage m : contract.messages()) {
      JsonPointer channel = channelPointer(doc, m.channel());
      JsonNode binding = doc.at(doc.deref(channel.append("bindings"))).path("kafka");
      String topic = binding.path("topic").asText(m.channel());
      topicOfChannel.put(m.channel(), topic);
      channelPointers.putIfAbsent(topic, channel);
      TopicBinding.Message bound =
          new TopicBinding.Message(contract, m, keySchema(doc, m), keyLocation(doc, m));
      List<TopicBinding.Message> list = messages.computeIfAbsent(topic, t -> new ArrayList<>());
      if (list.stream().noneMatch(x -> x.message().name().equals(m.name()))) {
        list.add(bound);
      }
      byMessageName.putIfAbsent(m.name(), bound);
    }
    for (Map.Entry<String, List<TopicBinding.Message>> e : messages.entrySet()) {
      JsonPointer channel = channelPointers.get(e.getKey());
      JsonNode binding = doc.at(doc.deref(channel.append("bindings"))).path("kafka");
      Optional<Integer> partitions =
          binding.path("partitions").canConvertToInt()
              ? Optional.of(binding.get("partitions").asInt())
              : Optional.empty();
      Optional<Short> replicas =
          binding.path("replicas").canConvertToInt()
              ? Optional.of((short) binding.get("replicas").asInt())
              : Optional.empty();
      TopicBinding existing = byTopic.get(e.getKey());
      List<TopicBinding.Message> all = new ArrayList<>(e.getValue());
      if (existing != null) {
        all.addAll(0, existing.messages());
      }
      byTopic.put(
          e.getKey(),
          existing != null
              ? new TopicBinding(
                  e.getKey(),
                  existing.partitions(),
                  existing.replicas(),
                  all,
                  existing.contract(),
                  existing.channelPointer())
              : new TopicBinding(e.getKey(), partitions, replicas, all, contract, channel));
    }
  }

  public Collection<TopicBinding> all() {
    return byTopic.values();
  }

  public Optional<TopicBinding> topic(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  /** The topic an event goes to: its channel's Kafka topic, or the channel address itself. */
  public String topicOf(String channel) {
    return topicOfChannel.getOrDefault(channel, channel);
  }

  /** The message binding of a message name, when the contracts define it. */
  public Optional<TopicBinding.Message> message(String name) {
    return Optional.ofNullable(byMessageName.get(name));
  }

  /** The channel whose key (2.x) or {@code address} (3.x) is the message's channel. */
  private static JsonPointer channelPointer(SourceDocument doc, String address) {
    JsonNode channels = doc.root().path("channels");
    if (channels.has(address)) {
      return JsonPointer.of("channels", address);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonPointer at = doc.deref(JsonPointer.of("channels", e.getKey()));
      if (address.equals(doc.at(at).path("address").asText(null))) {
        return at;
      }
    }
    return JsonPointer.of("channels", address);
  }

  private static Optional<JsonPointer> keySchema(SourceDocument doc, AsyncApiMessage m) {
    JsonPointer bindings = doc.deref(m.pointer().append("bindings"));
    JsonPointer kafka = doc.deref(bindings.append("kafka"));
    if (doc.at(kafka).path("key").isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(doc.deref(kafka.append("key")));
  }

  private static Optional<String> keyLocation(SourceDocument doc, AsyncApiMessage m) {
    JsonNode correlation = doc.at(doc.deref(m.pointer().append("correlationId")));
    String location = correlation.path("location").asText("");
    return location.startsWith("$message.") ? Optional.of(location) : Optional.empty();
  }
}
