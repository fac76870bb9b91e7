/** Messages per second through the sandbox's Kafka channel, against a plain client pair. */
package dev.interlock.bench.kafka;
