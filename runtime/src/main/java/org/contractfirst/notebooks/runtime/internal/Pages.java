package org.contractfirst.notebooks.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream over every item of an offset/limit listing. Pages are fetched one at a time as the
 * stream is consumed, each exactly once; it stops at the reported total (or at an empty or short page
 * when the service reports none). A failing fetch surfaces as an {@link UncheckedIOException} whose cause
 * is the {@link ApiException} or network error.
 */
public final class Pages {

    /** Fetches the page starting at {@code offset} with at most {@code limit} items. */
    @FunctionalInterface
    public interface PageFetcher<P> {
        P fetch(int offset, int limit) throws IOException;
    }

    private Pages() {
    }

    /** Every item from offset 0 on, {@code pageSize} at a time. */
    public static <P, T> Stream<T> stream(int pageSize, PageFetcher<P> fetcher, Function<P, List<T>> items,
                                          Function<P, ? extends Number> total) {
        return stream(0, pageSize, fetcher, items, total);
    }

    /**
     * Every item a list request selects, from its {@code offset} (a record offset; {@code null}: 0) on, pages of
     * its {@code limit} ({@code null}: {@code defaultPageSize}): what the clients' {@code all...} helpers pass.
     */
    public static <P, T> Stream<T> stream(Integer requestOffset, Integer requestLimit, int defaultPageSize,
                                          PageFetcher<P> fetcher, Function<P, List<T>> items,
                                          Function<P, ? extends Number> total) {
        return stream(requestOffset == null ? 0 : requestOffset, requestLimit == null ? defaultPageSize : requestLimit,
                fetcher, items, total);
    }

    /** Every item from {@code firstOffset} on (a record offset), {@code pageSize} at a time. */
    public static <P, T> Stream<T> stream(int firstOffset, int pageSize, PageFetcher<P> fetcher, Function<P, List<T>> items,
                                          Function<P, ? extends Number> total) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        if (firstOffset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + firstOffset);
        }
        Iterator<T> iterator = new Iterator<>() {
            private int offset = firstOffset;
            private long reportedTotal = -1;
            private boolean exhausted;
            private Iterator<T> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    fetchNext();
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }

            private void fetchNext() {
                if (reportedTotal >= 0 && offset >= reportedTotal) {
                    exhausted = true;
                    return;
                }
                P result;
                try {
                    result = fetcher.fetch(offset, pageSize);
                } catch (IOException e) {
                    exhausted = true;
                    throw new UncheckedIOException("fetching the page at offset " + offset + " failed: " + e.getMessage(), e);
                }
                List<T> list = result == null ? null : items.apply(result);
                Number t = result == null ? null : total.apply(result);
                if (t != null) {
                    reportedTotal = t.longValue();
                }
                if (list == null || list.isEmpty() || (t == null && list.size() < pageSize)) {
                    exhausted = true;
                }
                if (list != null) {
                    offset += list.size();
                    page = list.iterator();
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
