package dev.interlock.mocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Form and multipart bodies read into one typed tree: every row of the OpenAPI specification's
 * style examples that a request body can use (form, spaceDelimited, pipeDelimited, deepObject;
 * matrix, label and simple are for paths and headers), and the encodings vendors' SDKs write.
 */
class RequestBodiesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String STRING = "{\"type\": \"string\"}";
  static final String ARRAY = "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}";
  static final String OBJECT =
      """
      {"type": "object", "properties": {
        "R": {"type": "integer"}, "G": {"type": "integer"}, "B": {"type": "integer"}}}""";

  static final String BLUE = "{\"color\": \"blue\"}";
  static final String COLORS = "{\"color\": [\"blue\", \"black\", \"brown\"]}";
  static final String RGB = "{\"color\": {\"R\": 100, \"G\": 200, \"B\": 150}}";

  /** The table "Style Examples" of OpenAPI 3.0.3/3.1.0, its body-relevant rows, cell by cell. */
  static Stream<Arguments> styleExamples() {
    return Stream.of(
        Arguments.of("form", false, STRING, "color=", "{\"color\": \"\"}"),
        Arguments.of("form", false, STRING, "color=blue", BLUE),
        Arguments.of("form", false, ARRAY, "color=blue,black,brown", COLORS),
        Arguments.of("form", false, OBJECT, "color=R,100,G,200,B,150", RGB),
        Arguments.of("form", true, STRING, "color=", "{\"color\": \"\"}"),
        Arguments.of("form", true, STRING, "color=blue", BLUE),
        Arguments.of("form", true, ARRAY, "color=blue&color=black&color=brown", COLORS),
        Arguments.of("form", true, OBJECT, "R=100&G=200&B=150", RGB),
        Arguments.of("spaceDelimited", false, ARRAY, "color=blue%20black%20brown", COLORS),
        Arguments.of("spaceDelimited", false, OBJECT, "color=R%20100%20G%20200%20B%20150", RGB),
        Arguments.of("pipeDelimited", false, ARRAY, "color=blue%7Cblack%7Cbrown", COLORS),
        Arguments.of("pipeDelimited", false, OBJECT, "color=R%7C100%7CG%7C200%7CB%7C150", RGB),
        Arguments.of(
            "deepObject", true, OBJECT, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150", RGB));
  }

  @ParameterizedTest(name = "{0} explode={1}: {3}")
  @MethodSource("styleExamples")
  void readsEveryBodyRowOfTheSpecificationsStyleExamples(
      String style, boolean explode, String schema, String body, String expected) throws Exception {
    String encoding = "{\"color\": {\"style\": \"%s\", \"explode\": %s}}".formatted(style, explode);
    JsonNode tree =
        form(body, "{\"type\": \"object\", \"properties\": {\"color\": " + schema + "}}", encoding);
    assertThat(tree).isEqualTo(JSON.readTree(expected));
  }

  static final String CUSTOMER =
      """
      {"type": "object", "properties": {
        "email": {"type": "string"},
        "phone": {"type": "string"},
        "balance": {"type": "integer"},
        "rate": {"type": "number"},
        "tax_exempt": {"type": "boolean"},
        "metadata": {"anyOf": [
          {"type": "object", "additionalProperties": {"type": "string"}},
          {"type": "string", "enum": [""]}]},
        "expand": {"type": "array", "items": {"type": "string"}},
        "items": {"type": "array", "items": {"type": "object", "properties": {
          "price": {"type": "string"}, "quantity": {"type": "integer"}}}},
        "address": {"type": "object", "properties": {
          "geo": {"type": "object", "properties": {"lat": {"type": "number"}}}}},
        "tags": {"type": "array", "items": {"type": "integer"}},
        "limit": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
        "a[b]": {"type": "string"}}}""";

  static final String DEEP =
      """
      {"metadata": {"style": "deepObject", "explode": true},
       "expand": {"style": "deepObject", "explode": true},
       "items": {"style": "deepObject", "explode": true}}""";

  @Test
  void aBodyReadWithoutASchemaIsDecodedByTheSameParsersWithEveryValueAString() throws Exception {
    assertThat(
            RequestBodies.untyped(
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_secret=s%26cr%3Dt&n=42"))
        .isEqualTo(
            JSON.readTree(
                "{\"grant_type\": \"client_credentials\", \"client_secret\": \"s&cr=t\","
                    + " \"n\": \"42\"}"));
    assertThat(RequestBodies.untyped("application/json", "{\"n\": 42}"))
        .isEqualTo(JSON.readTree("{\"n\": 42}"));
  }

  @Test
  void readsDeepObjectMetadataAsAnObjectOfStrings() throws Exception {
    assertThat(form("metadata[order]=o-1&metadata[n]=42", CUSTOMER, DEEP))
        .isEqualTo(JSON.readTree("{\"metadata\": {\"order\": \"o-1\", \"n\": \"42\"}}"));
  }

  @Test
  void anEmptyMetadataTakesTheFirstMemberThatAcceptsIt() throws Exception {
    assertThat(form("metadata=", CUSTOMER, DEEP)).isEqualTo(JSON.readTree("{\"metadata\": \"\"}"));
  }

  @Test
  void readsBracketedArraysAndIndexedObjects() throws Exception {
    assertThat(
            form(
                "expand[]=a&expand[]=b&items[1][price]=q&items[0][price]=p&items[0][quantity]=2",
                CUSTOMER,
                DEEP))
        .isEqualTo(
            JSON.readTree(
                """
                {"expand": ["a", "b"],
                 "items": [{"price": "p", "quantity": 2}, {"price": "q"}]}"""));
  }

  @Test
  void readsIndexedArraysAndRepeatedKeys() throws Exception {
    assertThat(form("expand[0]=a&expand[1]=b&tags=1&tags=2", CUSTOMER, null))
        .isEqualTo(JSON.readTree("{\"expand\": [\"a\", \"b\"], \"tags\": [1, 2]}"));
    assertThat(form("tags=7", CUSTOMER, null)).isEqualTo(JSON.readTree("{\"tags\": [7]}"));
  }

  @Test
  void nestsBracketsAtAnyDepthWithTheTypesOfTheSchema() throws Exception {
    assertThat(form("address[geo][lat]=52.5", CUSTOMER, null))
        .isEqualTo(JSON.readTree("{\"address\": {\"geo\": {\"lat\": 52.5}}}"));
  }

  @Test
  void givesEachValueTheTypeItsSchemaDeclaresAndNoGuessedOne() throws Exception {
    JsonNode tree =
        form(
            "phone=%2B15558675310&email=a%40b.c&balance=-250&rate=0.5&tax_exempt=true&x=12",
            CUSTOMER, null);
    assertThat(tree)
        .isEqualTo(
            JSON.readTree(
                """
                {"phone": "+15558675310", "email": "a@b.c", "balance": -250, "rate": 0.5,
                 "tax_exempt": true, "x": "12"}"""));
  }

  @Test
  void leavesAValueItsSchemaRefusesAsTextForValidationToReport() throws Exception {
    assertThat(form("balance=ten&tax_exempt=yes", CUSTOMER, null))
        .isEqualTo(JSON.readTree("{\"balance\": \"ten\", \"tax_exempt\": \"yes\"}"));
  }

  @Test
  void oneOfAndAnyOfTakeTheFirstMemberThatAcceptsTheValue() throws Exception {
    assertThat(form("limit=12", CUSTOMER, null)).isEqualTo(JSON.readTree("{\"limit\": 12}"));
    assertThat(form("limit=all", CUSTOMER, null)).isEqualTo(JSON.readTree("{\"limit\": \"all\"}"));
  }

  @Test
  void aPropertyNamedWithBracketsIsReadAsItsName() throws Exception {
    assertThat(form("a%5Bb%5D=x", CUSTOMER, null)).isEqualTo(JSON.readTree("{\"a[b]\": \"x\"}"));
  }

  @Test
  void aFormValueDeclaredJsonByItsEncodingIsJson() throws Exception {
    String schema = "{\"type\": \"object\", \"properties\": {\"doc\": {\"type\": \"object\"}}}";
    assertThat(
            form(
                "doc=%7B%22a%22%3A1%7D",
                schema, "{\"doc\": {\"contentType\": \"application/json\"}}"))
        .isEqualTo(JSON.readTree("{\"doc\": {\"a\": 1}}"));
  }

  @Test
  void readsMultipartFormDataIntoTheSameTree() throws Exception {
    String body =
        String.join(
            "\r\n",
            "--XyZ",
            "Content-Disposition: form-data; name=\"email\"",
            "",
            "a@b.c",
            "--XyZ",
            "Content-Disposition: form-data; name=\"metadata[order]\"",
            "",
            "o-1",
            "--XyZ",
            "Content-Disposition: form-data; name=\"balance\"",
            "",
            "300",
            "--XyZ",
            "Content-Disposition: form-data; name=\"address\"",
            "Content-Type: application/json",
            "",
            "{\"geo\": {\"lat\": 1.5}}",
            "--XyZ",
            "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"",
            "Content-Type: text/plain",
            "",
            "line one",
            "line two",
            "--XyZ--",
            "");
    SpecTree tree = SpecTree.ofRoot(JSON.createObjectNode());
    JsonNode parsed =
        new MultipartBodies(new SchemaCoercion(tree))
            .parse(
                "multipart/form-data; boundary=XyZ",
                body,
                JSON.readTree(CUSTOMER.replace("\"a[b]\"", "\"file\"")),
                null);
    assertThat(parsed)
        .isEqualTo(
            JSON.readTree(
                """
                {"email": "a@b.c", "metadata": {"order": "o-1"}, "balance": 300,
                 "address": {"geo": {"lat": 1.5}}, "file": "line one\\r\\nline two"}"""));
  }

  @Test
  void followsReferencesAndAllOfToFindTheTypes() throws Exception {
    SpecTree tree =
        SpecTree.ofRoot(
            JSON.readTree(
                """
                {"components": {"schemas": {
                  "Amount": {"type": "integer"},
                  "Base": {"properties": {"amount": {"$ref": "#/components/schemas/Amount"}}},
                  "Charge": {"allOf": [{"$ref": "#/components/schemas/Base"},
                    {"properties": {"paid": {"type": "boolean"}}}]}}}}"""));
    JsonNode parsed =
        new UrlEncodedBodies(new SchemaCoercion(tree))
            .parse(
                "amount=100&paid=false",
                JSON.readTree("{\"$ref\": \"#/components/schemas/Charge\"}"),
                null);
    assertThat(parsed).isEqualTo(JSON.readTree("{\"amount\": 100, \"paid\": false}"));
  }

  static JsonNode form(String body, String schema, String encoding) throws Exception {
    SpecTree tree = SpecTree.ofRoot(JSON.createObjectNode());
    return new UrlEncodedBodies(new SchemaCoercion(tree))
        .parse(body, JSON.readTree(schema), encoding == null ? null : JSON.readTree(encoding));
  }
}
