package org.contractfirst.notebooks.client.support;

import java.util.ResourceBundle;
import java.util.function.Consumer;

/** A {@link System.Logger} that hands each message (formatted, at any level) to a consumer: tests read what was logged. */
public final class LineLogger implements System.Logger {

    private final Consumer<String> lines;

    private LineLogger(Consumer<String> lines) {
        this.lines = lines;
    }

    public static System.Logger of(Consumer<String> lines) {
        return new LineLogger(lines);
    }

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.accept(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.accept(params == null || params.length == 0 ? format : java.text.MessageFormat.format(format, params));
    }
}
