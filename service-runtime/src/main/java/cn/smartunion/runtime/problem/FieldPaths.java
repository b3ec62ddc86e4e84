package cn.smartunion.runtime.problem;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/** Field names for violations, written the way the client addressed them, and cut short when a client sent junk. */
final class FieldPaths {

    static final int MAX_LENGTH = 120;

    private FieldPaths() {
    }

    /** {@code members[2].name} from Jackson's reference chain; null when the error is not tied to a field. */
    static @Nullable String of(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : bounded(path.toString());
    }

    /**
     * The bean-validation property path without the method and parameter nodes a method-level validation adds in
     * front ({@code register.request.name} becomes {@code name}, {@code list.size} becomes {@code size}).
     */
    static String of(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            else if (node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (path.isEmpty()) {
            return parameter != null ? bounded(parameter) : "";
        }
        return bounded(path.toString());
    }

    /** Field names can be chosen by the client (an unknown JSON property), so a long one is not echoed in full. */
    static String bounded(String field) {
        return field.length() <= MAX_LENGTH ? field : field.substring(0, MAX_LENGTH) + "…";
    }
}
