package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.anna;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.amicus.testkit.mvc.ApiCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the tests of submissions through the API share: a call as a caller, and what a submission's
 * author or reviewer reads back (its ETag, its status, their open tasks).
 */
abstract class SubmissionApiTest {

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;

  /** Sends the request as the user, checks the status and returns the JSON answer (or null). */
  JsonNode call(
      MockHttpServletRequestBuilder request, RequestPostProcessor user, Object body, int expected)
      throws Exception {
    return new ApiCalls(http, json).call(request, user, body, expected);
  }

  /** The submission's ETag, as its author anna reads it. */
  String etag(UUID id) throws Exception {
    return etag(id, anna());
  }

  String etag(UUID id, RequestPostProcessor user) throws Exception {
    return new ApiCalls(http, json)
        .send(get("/api/submissions/{id}", id), user, null)
        .getHeader("ETag");
  }

  String statusOf(UUID id) throws Exception {
    return call(get("/api/submissions/{id}", id), anna(), null, 200).get("status").asText();
  }

  /** The caller's open task of a kind for this submission, as their inbox lists it, or null. */
  String task(RequestPostProcessor user, UUID id, String taskKey) throws Exception {
    for (JsonNode task : call(get("/api/tasks"), user, null, 200)) {
      if (task.get("submissionId").asText().equals(id.toString())
          && task.get("taskKey").asText().equals(taskKey)) {
        return task.get("id").asText();
      }
    }
    return null;
  }
}
