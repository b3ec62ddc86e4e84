package cn.smartunion.gateway.support;

import java.util.List;
import java.util.Map;

/** A request as a stub server received it; header names are lower-cased. */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
