package org.amicus.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard loads as Grafana JSON and the alert rules as Prometheus rule groups, and both use
 * only metrics the services expose (metrics.tsv, each row checked against the code that makes it).
 * No promtool on this machine: the rules are checked structurally, their expressions by metric
 * name.
 */
class ObservabilityFilesTest {

  static final Path DIR = Path.of(System.getProperty("amicus.observability.dir", "."));
  static final Path ROOT = Path.of(System.getProperty("amicus.root.dir", "../.."));

  /** PromQL words that are not metric names. */
  static final Set<String> PROMQL =
      Set.of(
          "sum",
          "max",
          "min",
          "avg",
          "count",
          "rate",
          "irate",
          "increase",
          "histogram_quantile",
          "by",
          "without",
          "and",
          "or",
          "unless",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "abs",
          "clamp_min",
          "time",
          "vector",
          "label_values",
          "topk");

  @Test
  void everyMetricListedIsMadeWhereTheListSays() throws IOException {
    for (Map.Entry<String, String[]> metric : metrics().entrySet()) {
      String[] row = metric.getValue();
      if (row[1].startsWith("Prometheus")) {
        continue;
      }
      String source = Files.readString(ROOT.resolve(row[1]));
      String made =
          metric.getKey().startsWith("http_server_requests")
              ? row[0] + ": true"
              : '"' + row[0] + '"';
      assertThat(source).as(metric.getKey() + " in " + row[1]).contains(made);
    }
  }

  @Test
  void theDashboardIsGrafanaJsonOverKnownMetricsWithEverySignal() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("amicus-dashboard.json").toFile());
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    List<String> titles = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    Set<Integer> ids = new LinkedHashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
      assertThat(panel.path("gridPos").has("w")).isTrue();
      titles.add(panel.path("title").asText());
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        used.addAll(metricNames(target.path("expr").asText()));
      }
    }
    Pattern labelValues = Pattern.compile("label_values\\((\\w+), *\\w+\\)");
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        Matcher query = labelValues.matcher(variable.path("query").asText());
        assertThat(query.matches()).as(variable.path("query").asText()).isTrue();
        used.add(query.group(1));
      }
    }
    assertThat(metrics().keySet()).containsAll(used);
    assertThat(String.join("|", titles).toLowerCase())
        .contains("requests", "errors", "p99", "ingest lag", "dead letters", "incidents", "audit");
  }

  @Test
  void theAlertRulesAreRuleGroupsOverKnownMetricsWithEverySignal() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(DIR.resolve("amicus-alerts.yml")));
    assertThat(file).containsOnlyKeys("groups");
    Set<String> used = new LinkedHashSet<>();
    Set<String> alerts = new LinkedHashSet<>();
    for (Map<String, Object> group : list(file.get("groups"))) {
      assertThat(group).containsKeys("name", "rules");
      for (Map<String, Object> rule : list(group.get("rules"))) {
        assertThat(rule.keySet())
            .containsAnyOf("alert")
            .isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
        assertThat(alerts.add((String) rule.get("alert"))).as("unique alert name").isTrue();
        assertThat(rule.get("expr")).isInstanceOf(String.class);
        if (rule.containsKey("for")) {
          assertThat((String) rule.get("for")).matches("\\d+[smhd]");
        }
        assertThat(map(rule.get("labels"))).containsKey("severity");
        assertThat(map(rule.get("annotations"))).containsKeys("summary", "description");
        String expr = (String) rule.get("expr");
        assertThat(balanced(expr)).as(expr).isTrue();
        used.addAll(metricNames(expr));
      }
    }
    assertThat(metrics().keySet()).containsAll(used);
    assertThat(used)
        .contains(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "amicus_search_ingest_lag_changes",
            "amicus_search_dead_letters",
            "amicus_workflow_incidents",
            "amicus_cases_audit_intact");
  }

  @Test
  void metricNamesAreReadFromPromQl() {
    assertThat(
            metricNames(
                "histogram_quantile(0.99, sum by (uri, le) (rate(a_b_bucket{status=~\"5..\"}[5m])))"
                    + " / on (uri) up > 0.5"))
        .containsExactlyInAnyOrder("a_b_bucket", "up");
  }

  /** The metric names in a PromQL expression: what is left without strings, matchers, groupings. */
  static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher word = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
    while (word.find()) {
      if (!PROMQL.contains(word.group())) {
        names.add(word.group());
      }
    }
    return names;
  }

  private static boolean balanced(String expr) {
    int depth = 0;
    for (char c : expr.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** Prometheus name to {meter name, source file}. */
  private static Map<String, String[]> metrics() throws IOException {
    Map<String, String[]> metrics = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("metrics.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] row = line.split("\t");
        metrics.put(row[0], new String[] {row[1], row[2]});
      }
    }
    return metrics;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
