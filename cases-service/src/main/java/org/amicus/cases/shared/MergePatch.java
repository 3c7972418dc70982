package org.amicus.cases.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.stereotype.Component;

/**
 * JSON Merge Patch (RFC 7396) onto the request a PUT would send: the result goes through the same
 * deserialisation and validation as a PUT body, so a PATCH can never store what a PUT would refuse.
 */
@Component
public class MergePatch {

  /** The media type of a merge patch. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final ObjectMapper json;
  private final Validator validator;

  MergePatch(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /**
   * @param current the record as a PUT request would state it now
   * @return the patched request, valid; otherwise 400 naming every offending field
   */
  public <T> T apply(T current, JsonNode patch, Class<T> type) {
    if (patch == null || !patch.isObject()) {
      throw ApiProblem.invalid("body", "must be a JSON object (a merge patch)");
    }
    JsonNode merged = merge(json.valueToTree(current), patch);
    T request;
    try {
      request = json.treeToValue(merged, type);
    } catch (UnrecognizedPropertyException e) {
      throw ApiProblem.invalid(path(e), "is not a field that can be changed");
    } catch (InvalidFormatException e) {
      throw ApiProblem.invalid(path(e), "must be a valid " + e.getTargetType().getSimpleName());
    } catch (JsonMappingException e) {
      throw ApiProblem.invalid(
          e.getPath().isEmpty() ? "body" : path(e), "has a value of the wrong type or shape");
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("body", "is not a valid merge patch");
    }
    List<FieldError> errors =
        validator.validate(request).stream()
            .map(v -> new FieldError(field(v), v.getMessage()))
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return request;
  }

  /** RFC 7396: null removes, an object merges member by member, anything else replaces. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }

  private static String field(ConstraintViolation<?> v) {
    return v.getPropertyPath()
        .toString()
        .replace(".<list element>", "")
        .replace(".<iterable element>", "");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
