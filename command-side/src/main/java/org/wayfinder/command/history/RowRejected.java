package org.wayfinder.command.history;

/**
 * A row that cannot become commands. The message names the column and what it must hold, never the
 * value found: import files carry names, NHS numbers and dates of birth.
 */
public class RowRejected extends RuntimeException {

    public RowRejected(String message) {
        super(message);
    }
}
