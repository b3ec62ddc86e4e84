{{/* The release's prefix for every object: <release>-<deployable>, e.g. smart-union-gateway. */}}
{{- define "smart-union.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* name of one deployable's objects; call with (dict "root" $ "name" "membership-service") */}}
{{- define "smart-union.deployableName" -}}
{{- printf "%s-%s" (include "smart-union.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "smart-union.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: smart-union-suite
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* selector labels of one deployable; call with (dict "root" $ "name" ...) */}}
{{- define "smart-union.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "smart-union.labels" -}}
{{ include "smart-union.commonLabels" .root }}
{{ include "smart-union.selectorLabels" . }}
app.kubernetes.io/component: {{ if eq .name "gateway" }}gateway{{ else }}service{{ end }}
{{- end -}}

{{- define "smart-union.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s%s%s:%s" $image.registry $image.repositoryPrefix .name (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* the replica count the gateway divides its installation-wide limits by */}}
{{- define "smart-union.minReplicas" -}}
{{- if .autoscaling.enabled -}}{{ .autoscaling.minReplicas }}{{- else -}}{{ .replicas }}{{- end -}}
{{- end -}}

{{/* an upper-case key id as Spring's relaxed binding reads a map key from an environment variable */}}
{{- define "smart-union.envKeyId" -}}
{{- . | upper | replace "-" "" | replace "." "" -}}
{{- end -}}

{{/* The container securityContext every container of the chart runs with. */}}
{{- define "smart-union.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}
