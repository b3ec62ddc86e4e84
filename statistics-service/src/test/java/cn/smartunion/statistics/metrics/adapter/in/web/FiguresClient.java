package cn.smartunion.statistics.metrics.adapter.in.web;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reads {@code GET /figures} into metric code → figure. */
final class FiguresClient {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private FiguresClient() {
    }

    static Map<String, JsonNode> figures(MockMvc mvc, RequestPostProcessor caller, String orgPath, String period)
            throws Exception {
        String body = mvc.perform(get("/api/statistics/v1/figures").param("orgPath", orgPath).param("period", period)
                        .with(caller))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, JsonNode> byMetric = new LinkedHashMap<>();
        for (JsonNode figure : JSON.readTree(body).get("figures")) {
            byMetric.put(figure.get("metric").asString(), figure);
        }
        return byMetric;
    }

    /** The figure's value as a plain string ({@code 3}, {@code 1200.75}). */
    static String value(Map<String, JsonNode> figures, String metric) {
        JsonNode figure = figures.get(metric);
        if (figure == null) {
            throw new AssertionError("no figure " + metric);
        }
        return figure.get("value").decimalValue().toPlainString();
    }
}
