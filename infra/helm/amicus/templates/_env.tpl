{{/* Each application's environment: the same variables compose sets (infra/compose). */}}

{{- define "amicus.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{- define "amicus.env.common" -}}
- name: AMICUS_ISSUER_URI
  value: {{ printf "%s/realms/coalition" .Values.keycloak.publicUrl | quote }}
- name: AMICUS_JWK_SET_URI
  value: {{ printf "%s/realms/coalition/protocol/openid-connect/certs" (include "amicus.keycloakInternalUrl" .) | quote }}
# The heap takes at most half the memory limit; the rest is metaspace, threads and buffers.
- name: JAVA_TOOL_OPTIONS
  value: "-XX:MaxRAMPercentage=50 -Djava.io.tmpdir=/tmp"
{{- with .Values.tracing.otlpEndpoint }}
- name: AMICUS_OTLP_ENDPOINT
  value: {{ . | quote }}
- name: AMICUS_TRACING_SAMPLING
  value: {{ $.Values.tracing.sampling | quote }}
{{- end }}
{{- end }}

{{- define "amicus.env.tokenUri" -}}
- name: AMICUS_TOKEN_URI
  value: {{ printf "%s/realms/coalition/protocol/openid-connect/token" (include "amicus.keycloakInternalUrl" .) | quote }}
{{- end }}

{{- define "amicus.env.gateway" -}}
{{ include "amicus.env.common" . }}
- name: AMICUS_MANAGEMENT_PORT
  value: "8090"
- name: AMICUS_OIDC_INTERNAL_URL
  value: {{ printf "%s/realms/coalition" (include "amicus.keycloakInternalUrl" .) | quote }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_GATEWAY_CLIENT_SECRET" "secret" .Values.secrets.oidcClients "key" "gateway") }}
- name: AMICUS_PUBLIC_URL
  value: {{ .Values.publicUrl | quote }}
- name: AMICUS_CASES_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "cases-service" "port" 8081) | quote }}
- name: AMICUS_WORKFLOW_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "workflow-service" "port" 8082) | quote }}
- name: AMICUS_SEARCH_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "search-service" "port" 8083) | quote }}
- name: AMICUS_SECURE_COOKIES
  value: "true"
- name: AMICUS_TRUSTED_PROXIES
  value: {{ .Values.apps.gateway.trustedProxies | quote }}
# Several gateways share their browser sessions and rate-limit buckets in Valkey: the autoscaler
# may run any number of them.
- name: AMICUS_SESSION_STORE
  value: redis
- name: AMICUS_RATE_LIMIT_STORE
  value: redis
- name: AMICUS_REDIS_HOST
  value: {{ include "amicus.valkey" . | quote }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_REDIS_PASSWORD" "secret" .Values.valkey.existingSecret "key" "password") }}
{{- end }}

{{- define "amicus.env.casesService" -}}
{{ include "amicus.env.common" . }}
- name: MANAGEMENT_SERVER_PORT
  value: "8090"
- name: AMICUS_DB_URL
  value: {{ include "amicus.jdbcUrl" (dict "root" . "database" "cases") | quote }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_DB_USER" "secret" .Values.postgres.existingSecrets.cases "key" "username") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_DB_PASSWORD" "secret" .Values.postgres.existingSecrets.cases "key" "password") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_ENCRYPTION_KEY" "secret" .Values.secrets.casesEncryption "key" "key") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_ENCRYPTION_PREVIOUS_KEYS" "secret" .Values.secrets.casesEncryption "key" "previous-keys" "optional" true) }}
{{- end }}

{{- define "amicus.env.workflowService" -}}
{{ include "amicus.env.common" . }}
- name: MANAGEMENT_SERVER_PORT
  value: "8090"
- name: AMICUS_DB_URL
  value: {{ include "amicus.jdbcUrl" (dict "root" . "database" "workflow") | quote }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_DB_USER" "secret" .Values.postgres.existingSecrets.workflow "key" "username") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_DB_PASSWORD" "secret" .Values.postgres.existingSecrets.workflow "key" "password") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_ENCRYPTION_KEY" "secret" .Values.secrets.workflowEncryption "key" "key") }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_ENCRYPTION_PREVIOUS_KEYS" "secret" .Values.secrets.workflowEncryption "key" "previous-keys" "optional" true) }}
- name: AMICUS_SMTP_HOST
  value: {{ .Values.smtp.host | quote }}
- name: AMICUS_SMTP_PORT
  value: {{ .Values.smtp.port | quote }}
# Dispatch and notification mail only over STARTTLS: encrypted or nothing is sent.
- name: SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE
  value: "true"
- name: SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED
  value: "true"
{{- if .Values.smtp.existingSecret }}
- name: SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH
  value: "true"
{{ include "amicus.secretEnv" (dict "env" "SPRING_MAIL_USERNAME" "secret" .Values.smtp.existingSecret "key" "username") }}
{{ include "amicus.secretEnv" (dict "env" "SPRING_MAIL_PASSWORD" "secret" .Values.smtp.existingSecret "key" "password") }}
{{- end }}
{{ include "amicus.env.tokenUri" . }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_WORKFLOW_CLIENT_SECRET" "secret" .Values.secrets.oidcClients "key" "workflow-service") }}
- name: AMICUS_CASES_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "cases-service" "port" 8081) | quote }}
- name: AMICUS_SEARCH_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "search-service" "port" 8083) | quote }}
{{- end }}

{{- define "amicus.env.searchService" -}}
{{ include "amicus.env.common" . }}
- name: MANAGEMENT_SERVER_PORT
  value: "8090"
# ECK's cluster over TLS: the elastic user's generated password and the HTTP layer's CA.
- name: AMICUS_ELASTICSEARCH_URIS
  value: {{ printf "https://%s-es-http:9200" (include "amicus.elasticsearch" .) | quote }}
- name: AMICUS_ELASTICSEARCH_USERNAME
  value: elastic
{{ include "amicus.secretEnv" (dict "env" "AMICUS_ELASTICSEARCH_PASSWORD" "secret" (printf "%s-es-elastic-user" (include "amicus.elasticsearch" .)) "key" "elastic") }}
- name: AMICUS_ELASTICSEARCH_SSL_BUNDLE
  value: elasticsearch
- name: AMICUS_ELASTICSEARCH_CA
  value: file:/etc/amicus/elasticsearch/ca.crt
{{ include "amicus.env.tokenUri" . }}
{{ include "amicus.secretEnv" (dict "env" "AMICUS_SEARCH_CLIENT_SECRET" "secret" .Values.secrets.oidcClients "key" "search-indexer") }}
- name: AMICUS_CASES_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "cases-service" "port" 8081) | quote }}
- name: AMICUS_WORKFLOW_URL
  value: {{ include "amicus.appUrl" (dict "root" . "name" "workflow-service" "port" 8082) | quote }}
{{- end }}
