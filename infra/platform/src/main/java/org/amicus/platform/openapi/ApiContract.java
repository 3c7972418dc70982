package org.amicus.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every Amicus service's OpenAPI description states the same way, so that nobody annotates it
 * per method: the caller signs in at the Keycloak realm and sends a bearer token on every call (the
 * {@code /internal} change feed too), and every refusal is an RFC 9457 problem.
 *
 * <p>Which refusals an operation documents follows from its shape: every operation may answer 401
 * and 403; one with parameters or a body 400 with the offending fields; one on a path with an id
 * 404; a write 409 (it conflicts with the record's current state); one that takes {@code If-Match}
 * 412. A response an operation already documents is kept, and gets the problem body if it has none.
 */
final class ApiContract implements OpenApiCustomizer {

  static final String OIDC = "keycloak";
  static final String BEARER = "bearerAuth";
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String PROBLEM_JSON = "application/problem+json";

  private final String application;
  private final String issuer;
  private final Contact contact;

  ApiContract(String application, String issuer, Contact contact) {
    this.application = application;
    this.contact = contact;
    this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  @Override
  public void customise(OpenAPI api) {
    api.info(info(api.getInfo()));
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.components(components);
    components.addSecuritySchemes(
        OIDC,
        new SecurityScheme()
            .type(SecurityScheme.Type.OPENIDCONNECT)
            .description("Sign in at the Keycloak realm `coalition` (authorization code with PKCE)")
            .openIdConnectUrl(issuer + "/.well-known/openid-configuration"));
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "An access token of the Keycloak realm `coalition` ("
                    + issuer
                    + ") with the audience amicus-api"));
    components.addSchemas(FIELD_ERROR, fieldError());
    components.addSchemas(PROBLEM, problem());
    List<SecurityRequirement> security =
        List.of(new SecurityRequirement().addList(OIDC), new SecurityRequirement().addList(BEARER));
    api.security(security);
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation, security)));
  }

  private Info info(Info given) {
    Info info = given == null ? new Info() : given;
    if (info.getTitle() == null || info.getTitle().startsWith("OpenAPI definition")) {
      info.title("Amicus " + application);
    }
    return info.description(
            "The "
                + application
                + " API of Amicus, for coalition members who script against it. Every call needs"
                + " a bearer token from the Keycloak realm `coalition`; which records a caller"
                + " sees is decided per record, as in the web application. Errors are RFC 9457"
                + " problem details (application/problem+json); a 400 names every offending field"
                + " under `errors`.")
        .contact(contact)
        .license(
            new License()
                .name("AGPL-3.0-or-later")
                .url("https://www.gnu.org/licenses/agpl-3.0.html"));
  }

  private static void document(
      String path,
      PathItem.HttpMethod method,
      Operation operation,
      List<SecurityRequirement> security) {
    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
      operation.security(security);
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.responses(responses);
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    if (operation.getRequestBody() != null || !parameters.isEmpty()) {
      problem(responses, "400", "The request has invalid fields; `errors` names each of them");
    }
    problem(responses, "401", "No valid bearer token");
    problem(responses, "403", "The caller's role or organisation does not allow this");
    if (path.contains("{")) {
      problem(responses, "404", "No such record, or none the caller may see");
    }
    if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
      problem(responses, "409", "The change conflicts with the record's current state");
    }
    if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
      problem(responses, "412", "If-Match is missing or names a version that is no longer current");
    }
    responses.values().stream()
        .filter(response -> response.get$ref() == null)
        .forEach(
            response -> {
              if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.description("OK");
              }
            });
  }

  private static void problem(ApiResponses responses, String status, String description) {
    ApiResponse response = responses.get(status);
    if (response == null) {
      response = new ApiResponse().description(description);
      responses.addApiResponse(status, response);
    }
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.description(description);
    }
    if (response.getContent() == null || response.getContent().isEmpty()) {
      response.content(
          new Content()
              .addMediaType(
                  PROBLEM_JSON,
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema problem() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .required(List.of("type", "title", "status"))
        .properties(
            Map.of(
                "type",
                new StringSchema()
                    .format("uri")
                    .description("What went wrong, e.g. urn:amicus:problem:validation")
                    .example("urn:amicus:problem:validation"),
                "title",
                new StringSchema().description("The HTTP reason phrase").example("Bad Request"),
                "status",
                new IntegerSchema().format("int32").example(400),
                "detail",
                new StringSchema().description("What happened, in words a user can act on"),
                "instance",
                new StringSchema().format("uri-reference"),
                "errors",
                new ArraySchema()
                    .description("Every offending field of a 400")
                    .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))));
  }

  @SuppressWarnings("rawtypes")
  private static Schema fieldError() {
    return new ObjectSchema()
        .description("One offending field of a request")
        .required(List.of("field", "message"))
        .properties(
            Map.of(
                "field",
                new StringSchema()
                    .description("JSON path of the field")
                    .example("persons[0].birthYear"),
                "message",
                new StringSchema().description("What is wrong, in words a user can act on")));
  }
}
