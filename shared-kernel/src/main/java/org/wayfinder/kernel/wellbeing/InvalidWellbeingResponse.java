package org.wayfinder.kernel.wellbeing;

import java.util.OptionalInt;

/**
 * A set of item responses that cannot be scored: incomplete, the wrong number of items, or a response
 * outside the instrument's range. Messages name the instrument and item but never the response given.
 */
public class InvalidWellbeingResponse extends IllegalArgumentException {

    private final Instrument instrument;
    private final Integer item;

    InvalidWellbeingResponse(Instrument instrument, Integer item, String message) {
        super(message);
        this.instrument = instrument;
        this.item = item;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The 1-based item at fault, or empty when the responses as a whole are at fault. */
    public OptionalInt item() {
        return item == null ? OptionalInt.empty() : OptionalInt.of(item);
    }
}
