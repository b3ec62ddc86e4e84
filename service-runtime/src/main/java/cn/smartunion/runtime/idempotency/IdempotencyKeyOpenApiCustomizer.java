package cn.smartunion.runtime.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Documents {@code Idempotency-Key} on every POST, PUT, PATCH and DELETE of the service's OpenAPI document (and of
 * every group), with the 409 and 422 answers it adds and the {@code Idempotent-Replayed} header of a replay, so the
 * gateway's aggregated document shows it on every write.
 *
 * <p>A whole-document customizer rather than a springdoc {@code OperationCustomizer}: an operation customizer is not
 * told the HTTP method, and a handler mapped without one serves every method.
 */
public class IdempotencyKeyOpenApiCustomizer implements GlobalOpenApiCustomizer {

    private static final List<PathItem.HttpMethod> WRITES = List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final List<String> exemptPaths;

    private final String retention;

    public IdempotencyKeyOpenApiCustomizer(List<String> exemptPaths, Duration retention) {
        this.exemptPaths = List.copyOf(exemptPaths);
        this.retention = retention.toMinutes() % 60 == 0 ? retention.toHours() + " hours"
                : retention.toMinutes() + " minutes";
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (exempt(path)) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.readOperationsMap().entrySet()) {
                if (WRITES.contains(operation.getKey())) {
                    document(operation.getValue());
                }
            }
        });
    }

    private void document(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        boolean declared = parameters != null && parameters.stream().anyMatch(parameter ->
                "header".equals(parameter.getIn()) && IdempotencyKeyHeader.NAME.equalsIgnoreCase(parameter.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter()
                .name(IdempotencyKeyHeader.NAME)
                .required(false)
                .description("Makes a retried write take effect once (draft-ietf-httpapi-idempotency-key-header). "
                        + "A new random key (a UUID) per operation, reused unchanged for every retry of it. Retries "
                        + "with the same key, caller, method, path and request get the first response again, marked "
                        + "Idempotent-Replayed: true, for " + retention + "; the same key with a different request "
                        + "is answered 422. 8 to 128 visible ASCII characters; the quoted structured-field form is "
                        + "also accepted.")
                .schema(new StringSchema().minLength(IdempotencyKeyHeader.MIN_LENGTH)
                    .maxLength(IdempotencyKeyHeader.MAX_LENGTH)
                    .pattern("^[!-~]+$")
                    .example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        }
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        for (ApiResponse response : responses.values()) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(IdempotencyKeyHeader.REPLAYED)) {
                response.addHeaderObject(IdempotencyKeyHeader.REPLAYED, new Header()
                    .description("true when this is the stored response of an earlier request with the same "
                            + "Idempotency-Key")
                    .schema(new BooleanSchema()));
            }
        }
        if (!responses.containsKey("409")) {
            responses.addApiResponse("409", new ApiResponse().description("Conflict; with an Idempotency-Key, also "
                    + "when the first request with the key is still running (problem type "
                    + "urn:smartunion:problem:idempotency-key-in-progress; retry after Retry-After seconds)"));
        }
        if (!responses.containsKey("422")) {
            responses.addApiResponse("422", new ApiResponse().description("The Idempotency-Key was already used for "
                    + "a different request (problem type urn:smartunion:problem:idempotency-key-reused)"));
        }
    }

    private boolean exempt(String path) {
        for (String prefix : exemptPaths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
