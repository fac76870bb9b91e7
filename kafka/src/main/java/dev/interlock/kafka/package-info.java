/**
 * Event channels on a real Kafka broker: {@link dev.interlock.kafka.KafkaChannel} carries a
 * sandbox's events on the topics of the AsyncAPI contracts, {@link
 * dev.interlock.kafka.LiveTrafficAudit} validates every record seen on them against the contract,
 * and {@link dev.interlock.kafka.EmbeddedKafka} starts a single-node KRaft broker in-process for
 * people without a cluster. Kafka's own client and server classes do the work.
 */
package dev.interlock.kafka;
