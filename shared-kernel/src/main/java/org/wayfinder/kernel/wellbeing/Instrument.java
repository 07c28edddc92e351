package org.wayfinder.kernel.wellbeing;

/**
 * A wellbeing questionnaire, with the version whose items and scoring this code implements. Stored by
 * name: never rename a constant; a new version of a questionnaire is a new constant.
 */
public enum Instrument {
    /** Short Warwick-Edinburgh Mental Wellbeing Scale: 7 items, each 1..5. */
    SWEMWBS("SWEMWBS v1", 7, 1, 5),
    /** Warwick-Edinburgh Mental Wellbeing Scale: 14 items, each 1..5. */
    WEMWBS("WEMWBS v1", 14, 1, 5),
    /** ONS personal wellbeing: life satisfaction, worthwhile, happiness, anxiety, each 0..10. */
    ONS4("ONS4 2011", 4, 0, 10),
    /** UCLA 3-item loneliness scale: lack companionship, left out, isolated, each 1..3. */
    UCLA3("UCLA-3 (Hughes 2004)", 3, 1, 3);

    private final String version;
    private final int itemCount;
    private final int minResponse;
    private final int maxResponse;

    Instrument(String version, int itemCount, int minResponse, int maxResponse) {
        this.version = version;
        this.itemCount = itemCount;
        this.minResponse = minResponse;
        this.maxResponse = maxResponse;
    }

    /** The version of the questionnaire, recorded beside every set of responses. */
    public String version() {
        return version;
    }

    public int itemCount() {
        return itemCount;
    }

    /** The lowest response allowed to each item. */
    public int minResponse() {
        return minResponse;
    }

    /** The highest response allowed to each item. */
    public int maxResponse() {
        return maxResponse;
    }
}
