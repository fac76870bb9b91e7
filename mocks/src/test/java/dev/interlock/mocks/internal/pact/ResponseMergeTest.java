package dev.interlock.mocks.internal.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMergeTest {

  static Response json(int status, String body) {
    return new Response(
        status,
        Map.of("Content-Type", List.of("application/json")),
        OptionalBody.body(body, ContentType.getJSON()));
  }

  static ResponseMerge.Part part(int index, Response r) {
    StubInteraction i =
        new StubInteraction(
            "p.json",
            index,
            "i" + index,
            List.of(),
            Map.of(),
            new Request(),
            StatePlaceholders.none(),
            r);
    return new ResponseMerge.Part(i, r);
  }

  @Test
  void bodiesThatAgreeAreMergedDeeply() {
    ResponseMerge.Merged m =
        ResponseMerge.merge(
            part(0, json(200, "{\"_links\":{\"a\":{\"href\":\"/a\"}}}")),
            List.of(part(1, json(200, "{\"_links\":{\"b\":{\"href\":\"/b\"}}}"))));

    assertThat(m.interactions()).isEqualTo(2);
    assertThat(m.response().getBody().valueAsString())
        .isEqualTo("{\"_links\":{\"a\":{\"href\":\"/a\"},\"b\":{\"href\":\"/b\"}}}");
  }

  @Test
  void aContradictionOrAnotherStatusLeavesTheFirstAnswerAlone() {
    Response first = json(200, "{\"name\":\"Foo\"}");
    ResponseMerge.Merged m =
        ResponseMerge.merge(
            part(0, first),
            List.of(part(1, json(200, "{\"name\":\"Bar\"}")), part(2, json(404, "{\"x\":1}"))));

    assertThat(m.interactions()).isEqualTo(1);
    assertThat(m.response()).isSameAs(first);
  }
}
