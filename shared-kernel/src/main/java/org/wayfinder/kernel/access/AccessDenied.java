package org.wayfinder.kernel.access;

/** The actor may not act on, or read, this record: it belongs to another organisation. Nothing is recorded. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
