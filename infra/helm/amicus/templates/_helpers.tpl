{{/* The four applications: values key, name, HTTP port. The management port is 8090 for all. */}}
{{- define "amicus.apps" -}}
gateway: {name: gateway, port: 8080}
casesService: {name: cases-service, port: 8081}
workflowService: {name: workflow-service, port: 8082}
searchService: {name: search-service, port: 8083}
{{- end }}

{{- define "amicus.managementPort" -}}8090{{- end }}

{{- define "amicus.chartLabels" -}}
app.kubernetes.io/part-of: amicus
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "amicus.labels" -}}
{{ include "amicus.chartLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* An application's or Valkey's own labels: the chart's and its selector. */}}
{{- define "amicus.appLabels" -}}
{{ include "amicus.chartLabels" .root }}
{{ include "amicus.selector" . }}
{{- end }}

{{/* Selects one application's pods: (dict "root" $ "name" "cases-service") */}}
{{- define "amicus.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "amicus.fullname" -}}{{ .root.Release.Name }}-{{ .name }}{{- end }}

{{- define "amicus.postgresCluster" -}}{{ .Release.Name }}-postgres{{- end }}
{{- define "amicus.elasticsearch" -}}{{ .Release.Name }}-search{{- end }}
{{- define "amicus.keycloak" -}}{{ .Release.Name }}-keycloak{{- end }}
{{- define "amicus.valkey" -}}{{ .Release.Name }}-valkey{{- end }}

{{/* Keycloak inside the cluster (the operator's Service <name>-service): plain HTTP on 8080,
     kept open next to HTTPS, and reachable only from this release's pods (NetworkPolicy). */}}
{{- define "amicus.keycloakInternalUrl" -}}
http://{{ include "amicus.keycloak" . }}-service:8080
{{- end }}

{{- define "amicus.appUrl" -}}
http://{{ .root.Release.Name }}-{{ .name }}:{{ .port }}
{{- end }}

{{/* (dict "root" $ "name" "cases-service") */}}
{{- define "amicus.image" -}}
{{ .root.Values.image.registry }}/amicus/{{ .name }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end }}

{{- define "amicus.jdbcUrl" -}}
jdbc:postgresql://{{ include "amicus.postgresCluster" .root }}-rw:5432/{{ .database }}?sslmode={{ .root.Values.postgres.sslMode }}
{{- end }}
