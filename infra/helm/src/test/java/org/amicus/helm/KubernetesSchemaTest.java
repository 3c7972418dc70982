package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object the chart renders for the Kubernetes API itself (and Prometheus Operator's
 * ServiceMonitor) is read into fabric8's typed model of that API, strictly: a misspelt or misplaced
 * field, which Kubernetes would drop or refuse, fails here. fabric8 keeps unknown fields in each
 * object's additionalProperties rather than failing, so the test walks the typed object and
 * requires every one of those to be empty.
 */
class KubernetesSchemaTest {

  static final List<String> VALUES = Chart.VALUES_FILES;

  /** apiVersion/kind the chart renders, each with its typed model. */
  static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.of(
          "apps/v1/Deployment", Deployment.class,
          "v1/Service", Service.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "networking.k8s.io/v1/Ingress", Ingress.class,
          "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyKubernetesObjectMatchesItsApiSchema(String values) {
    List<Map<String, Object>> kubernetesObjects =
        Chart.render(values).stream().filter(object -> MODELS.containsKey(type(object))).toList();

    assertThat(kubernetesObjects).hasSizeGreaterThan(20);
    assertThat(kubernetesObjects)
        .allSatisfy(
            object -> {
              HasMetadata typed = STRICT.convertValue(object, MODELS.get(type(object)));
              assertThat(unknownFields(typed, Yamls.name(object))).isEmpty();
              assertThat(typed.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyRenderedObjectIsAKubernetesObjectOrAnOperatorsResource(String values) {
    assertThat(Chart.render(values))
        .extracting(KubernetesSchemaTest::type)
        .allMatch(type -> MODELS.containsKey(type) || OperatorSchemas.covers(type));
  }

  @Test
  void aMisspeltFieldIsFound() {
    Map<String, Object> service =
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "Service",
            "metadata",
            Map.of("name", "x"),
            "spec",
            Map.of("type", "ClusterIP", "prots", List.of()));

    assertThat(unknownFields(STRICT.convertValue(service, Service.class), "Service/x"))
        .containsExactly("Service/x.spec: [prots]");
  }

  static String type(Map<String, Object> object) {
    return object.get("apiVersion") + "/" + object.get("kind");
  }

  /** Every non-empty additionalProperties in the typed object graph, with where it was. */
  static List<String> unknownFields(Object typed, String where) {
    List<String> found = new ArrayList<>();
    walk(typed, where, found);
    return found;
  }

  private static void walk(Object node, String path, List<String> found) {
    if (node == null) {
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> walk(value, path + "." + key, found));
      return;
    }
    if (node instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]", found);
      }
      return;
    }
    if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          found.add(path + ": " + extra.keySet());
        }
      } else {
        walk(value, path + "." + decapitalize(getter.getName().substring(3)), found);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter.toString(), e);
    }
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
