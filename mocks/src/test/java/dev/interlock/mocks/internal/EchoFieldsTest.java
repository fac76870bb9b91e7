package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EchoFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void echoesSentFieldsUnderTheResponsesOwnSpelling() throws Exception {
    ObjectNode message =
        (ObjectNode)
            JSON.readTree(
                "{\"sid\": \"SM1\", \"to\": \"+1000\", \"from\": \"+2000\", \"date_sent\": null,"
                    + " \"messagingServiceSid\": \"MG0\"}");
    Set<String> changed = new LinkedHashSet<>();
    EchoFields.merge(
        message,
        JSON.readTree(
            "{\"To\": \"+15558675310\", \"From\": \"+15005550006\", \"DateSent\": \"2026-01-01\","
                + " \"messaging_service_sid\": \"MG1\", \"Body\": \"hi\"}"),
        changed);
    assertThat(message)
        .isEqualTo(
            JSON.readTree(
                "{\"sid\": \"SM1\", \"to\": \"+15558675310\", \"from\": \"+15005550006\","
                    + " \"date_sent\": \"2026-01-01\", \"messagingServiceSid\": \"MG1\"}"));
    assertThat(changed).containsExactly("to", "from", "date_sent", "messagingServiceSid");
  }

  @Test
  void addsTheClientsOwnKeysInsideAnObjectItSentAndKeepsTheIdAndTheShapes() throws Exception {
    ObjectNode customer =
        (ObjectNode)
            JSON.readTree(
                "{\"id\": \"cus_1\", \"balance\": 0, \"metadata\": {},"
                    + " \"address\": {\"city\": \"X\", \"line1\": \"Y\"}}");
    Set<String> changed = new LinkedHashSet<>();
    JsonNode sent =
        JSON.readTree(
            "{\"id\": \"cus_2\", \"balance\": \"lots\", \"metadata\": {\"order\": \"o-1\"},"
                + " \"address\": {\"city\": \"Berlin\"}, \"unknown\": 1}");
    EchoFields.merge(customer, sent, changed);
    assertThat(customer)
        .isEqualTo(
            JSON.readTree(
                "{\"id\": \"cus_1\", \"balance\": 0, \"metadata\": {\"order\": \"o-1\"},"
                    + " \"address\": {\"city\": \"Berlin\", \"line1\": \"Y\"}}"));
    assertThat(changed).containsExactly("metadata", "address");
  }
}
