package org.amicus.testkit.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A service's API called through MockMvc as one caller, JSON in and out: the one way the services'
 * integration tests send a request with a token and read what came back.
 */
public final class ApiCalls {

  private final MockMvc mvc;
  private final ObjectMapper json;

  public ApiCalls(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /** A caller with a real access token (from Keycloak), sent as a client sends it. */
  public static RequestPostProcessor bearer(String token) {
    return request -> {
      request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
      return request;
    };
  }

  /**
   * Sends the request as the caller and returns the response, whatever its status.
   *
   * @param caller who calls, e.g. {@link #bearer}; null for nobody (no token)
   * @param body sent as JSON; a String is sent as it is, null sends no body
   */
  public MockHttpServletResponse send(
      MockHttpServletRequestBuilder request, RequestPostProcessor caller, Object body)
      throws Exception {
    return perform(request, caller, body).andReturn().getResponse();
  }

  /**
   * Sends the request as the caller, checks the status and returns the JSON answer.
   *
   * @return the answer's JSON, or null when it has no body
   */
  public JsonNode call(
      MockHttpServletRequestBuilder request, RequestPostProcessor caller, Object body, int expected)
      throws Exception {
    MvcResult result = perform(request, caller, body).andReturn();
    assertThat(result.getResponse().getStatus())
        .as("status of %s %s", result.getRequest().getMethod(), result.getRequest().getRequestURI())
        .isEqualTo(expected);
    return json(result.getResponse());
  }

  /** The JSON of an answer, or null when it has no body. */
  public JsonNode json(MockHttpServletResponse response) throws Exception {
    String text = response.getContentAsString();
    return text.isEmpty() ? null : json.readTree(text);
  }

  private ResultActions perform(
      MockHttpServletRequestBuilder request, RequestPostProcessor caller, Object body)
      throws Exception {
    if (body != null) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(body instanceof String text ? text : json.writeValueAsString(body));
    }
    if (caller != null) {
      request.with(caller);
    }
    return mvc.perform(request);
  }
}
