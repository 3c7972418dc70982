package org.amicus.cases.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MergePatchTest {

  private final ObjectMapper json = new ObjectMapper();

  JsonNode merge(String target, String patch) throws Exception {
    return MergePatch.merge(json.readTree(target), json.readTree(patch));
  }

  /** Examples from RFC 7396, appendix A. */
  @Test
  void followsTheRfcExamples() throws Exception {
    assertThat(merge("{\"a\":\"b\"}", "{\"a\":\"c\"}")).isEqualTo(json.readTree("{\"a\":\"c\"}"));
    assertThat(merge("{\"a\":\"b\"}", "{\"a\":null}")).isEqualTo(json.readTree("{}"));
    assertThat(merge("{\"a\":[\"b\"]}", "{\"a\":\"c\"}")).isEqualTo(json.readTree("{\"a\":\"c\"}"));
    assertThat(merge("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}"))
        .isEqualTo(json.readTree("{\"a\":{\"b\":\"d\"}}"));
    assertThat(merge("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}"))
        .isEqualTo(json.readTree("{\"a\":[1]}"));
    assertThat(merge("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}"))
        .isEqualTo(json.readTree("{\"a\":{\"bb\":{}}}"));
  }
}
