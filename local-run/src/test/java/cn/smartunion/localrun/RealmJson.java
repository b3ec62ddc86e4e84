package cn.smartunion.localrun;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a realm file's arrays in the realm tests. */
final class RealmJson {

    private RealmJson() {
    }

    /** The one element of the array that meets the condition; fails unless exactly one does. */
    static JsonNode only(JsonNode array, Predicate<JsonNode> condition) {
        return only(elements(array), condition);
    }

    static JsonNode only(List<JsonNode> nodes, Predicate<JsonNode> condition) {
        List<JsonNode> matches = nodes.stream().filter(condition).toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    /** The array's elements; none when it is absent. */
    static List<JsonNode> elements(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : List.of();
    }

    static List<String> strings(JsonNode array) {
        return elements(array).stream().map(JsonNode::asString).toList();
    }
}
