package org.amicus.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class ApiContractTest {

  private final ApiContract contract =
      new ApiContract(
          "cases-service",
          "https://id.example.org/realms/coalition/",
          new Contact().name("Administrators"));

  @Test
  void aListNeedsTheTokenAndDocuments401And403ButNo404() {
    OpenAPI api = api("/api/cases", new PathItem().get(new Operation().summary("List")));

    contract.customise(api);

    Operation list = api.getPaths().get("/api/cases").getGet();
    assertThat(list.getSecurity()).hasSize(2);
    assertThat(list.getResponses()).containsKeys("401", "403").doesNotContainKeys("400", "404");
    assertThat(list.getResponses().get("401").getContent()).containsKey("application/problem+json");
    assertThat(api.getComponents().getSecuritySchemes().get("keycloak").getOpenIdConnectUrl())
        .isEqualTo("https://id.example.org/realms/coalition/.well-known/openid-configuration");
    assertThat(api.getInfo().getLicense().getName()).isEqualTo("AGPL-3.0-or-later");
  }

  @Test
  void aWriteToOneRecordWithIfMatchDocuments400404409And412() {
    Operation put =
        new Operation()
            .summary("Replace")
            .addParametersItem(new PathParameter().name("id"))
            .addParametersItem(new HeaderParameter().name("If-Match"))
            .requestBody(new RequestBody());
    OpenAPI api = api("/api/cases/{id}", new PathItem().put(put));

    contract.customise(api);

    assertThat(put.getResponses()).containsKeys("400", "401", "403", "404", "409", "412");
  }

  @Test
  void aResponseTheServiceDocumentedIsKeptAndGetsTheProblemBody() {
    Operation post =
        new Operation()
            .summary("Rebuild")
            .responses(
                new ApiResponses().addApiResponse("409", new ApiResponse().description("Running")));
    OpenAPI api = api("/api/search/admin/reindex", new PathItem().post(post));

    contract.customise(api);

    assertThat(post.getResponses().get("409").getDescription()).isEqualTo("Running");
    assertThat(post.getResponses().get("409").getContent()).containsKey("application/problem+json");
  }

  private static OpenAPI api(String path, PathItem item) {
    return new OpenAPI().paths(new Paths().addPathItem(path, item));
  }
}
