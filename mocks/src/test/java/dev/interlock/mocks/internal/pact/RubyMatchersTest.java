package dev.interlock.mocks.internal.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RubyMatchersTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void somethingLikeTermAndArrayLikeBecomeExamplesWithV2Rules() throws Exception {
    ObjectNode pact =
        (ObjectNode)
            JSON.readTree(
                """
                {"interactions": [{"request": {"method": "GET", "path": "/x"},
                  "response": {"status": 200, "body": {
                    "name": {"json_class": "Pact::SomethingLike", "contents": "Foo"},
                    "at": {"json_class": "Pact::Term", "data": {"generate": "2024-01-01",
                           "matcher": {"json_class": "Regexp", "o": 0, "s": "\\\\d{4}"}}},
                    "items": {"json_class": "Pact::ArrayLike", "contents": {"id": 1}, "min": 2}}}}],
                 "metadata": {"pactSpecification": {"version": "2.0.0"}}}
                """);

    ObjectNode response = (ObjectNode) RubyMatchers.convert(pact).at("/interactions/0/response");

    assertThat(response.get("body").toString())
        .isEqualTo("{\"name\":\"Foo\",\"at\":\"2024-01-01\",\"items\":[{\"id\":1},{\"id\":1}]}");
    assertThat(response.at("/matchingRules/$.body.name/match").asText()).isEqualTo("type");
    assertThat(response.at("/matchingRules/$.body.at/regex").asText())
        .isEqualTo("(?s).*(?:\\d{4}).*");
    assertThat(response.at("/matchingRules/$.body.items/min").asInt()).isEqualTo(2);
  }

  @Test
  void aV3PactGetsRulesInItsOwnFormat() throws Exception {
    ObjectNode pact =
        (ObjectNode)
            JSON.readTree(
                """
                {"interactions": [{"request": {"method": "GET", "path": "/x",
                   "headers": {"Accept": {"json_class": "Pact::Term", "data": {"generate": "a/b",
                                "matcher": {"json_class": "Regexp", "o": 0, "s": "a"}}}}},
                  "response": {"status": 200}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """);

    ObjectNode request = (ObjectNode) RubyMatchers.convert(pact).at("/interactions/0/request");

    assertThat(request.at("/headers/Accept").asText()).isEqualTo("a/b");
    assertThat(request.at("/matchingRules/header/Accept/matchers/0/match").asText())
        .isEqualTo("regex");
  }
}
