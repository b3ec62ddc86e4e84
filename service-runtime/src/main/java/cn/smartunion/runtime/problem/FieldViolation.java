package cn.smartunion.runtime.problem;

/**
 * One entry of a problem's {@code violations} array.
 *
 * @param field the request field as the client wrote it: a JSON path such as {@code address.city} or
 *              {@code members[2].name}, or a query/path parameter or header name
 * @param message a human-readable message in the response language; never contains the rejected value
 */
public record FieldViolation(String field, String message) {
}
