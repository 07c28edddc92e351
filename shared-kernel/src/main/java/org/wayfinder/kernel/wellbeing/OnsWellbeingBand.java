package org.wayfinder.kernel.wellbeing;

/** The ONS threshold band of a life satisfaction, worthwhile or happiness rating. */
public enum OnsWellbeingBand {
    /** 0 to 4. */
    LOW,
    /** 5 to 6. */
    MEDIUM,
    /** 7 to 8. */
    HIGH,
    /** 9 to 10. */
    VERY_HIGH;

    public static OnsWellbeingBand of(int rating) {
        Ons4Score.requireRating(rating, "rating");
        if (rating <= 4) {
            return LOW;
        }
        if (rating <= 6) {
            return MEDIUM;
        }
        return rating <= 8 ? HIGH : VERY_HIGH;
    }
}
