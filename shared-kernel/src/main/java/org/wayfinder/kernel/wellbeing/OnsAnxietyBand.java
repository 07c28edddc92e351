package org.wayfinder.kernel.wellbeing;

/** The ONS threshold band of an anxiety rating; higher anxiety is worse, so the bands run the other way. */
public enum OnsAnxietyBand {
    /** 0 to 1. */
    VERY_LOW,
    /** 2 to 3. */
    LOW,
    /** 4 to 5. */
    MEDIUM,
    /** 6 to 10. */
    HIGH;

    public static OnsAnxietyBand of(int rating) {
        Ons4Score.requireRating(rating, "anxiety");
        if (rating <= 1) {
            return VERY_LOW;
        }
        if (rating <= 3) {
            return LOW;
        }
        return rating <= 5 ? MEDIUM : HIGH;
    }
}
