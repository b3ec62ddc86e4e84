package cn.smartunion.competition.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every competition list is paginated with a bounded page size. */
public record PageView<T>(List<T> items, int page, int size, long totalItems) {

    public static final int MAX_PAGE_SIZE = 100;

    public <R> PageView<R> map(Function<T, R> mapping) {
        return new PageView<>(items.stream().map(mapping).toList(), page, size, totalItems);
    }
}
