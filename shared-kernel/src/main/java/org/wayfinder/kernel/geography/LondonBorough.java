package org.wayfinder.kernel.geography;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 33 London local authorities by ONS GSS code. Which ICB each belongs to changes over time and is
 * effective-dated data, not part of this list.
 */
public enum LondonBorough {
    CITY_OF_LONDON("E09000001", "City of London"),
    BARKING_AND_DAGENHAM("E09000002", "Barking and Dagenham"),
    BARNET("E09000003", "Barnet"),
    BEXLEY("E09000004", "Bexley"),
    BRENT("E09000005", "Brent"),
    BROMLEY("E09000006", "Bromley"),
    CAMDEN("E09000007", "Camden"),
    CROYDON("E09000008", "Croydon"),
    EALING("E09000009", "Ealing"),
    ENFIELD("E09000010", "Enfield"),
    GREENWICH("E09000011", "Greenwich"),
    HACKNEY("E09000012", "Hackney"),
    HAMMERSMITH_AND_FULHAM("E09000013", "Hammersmith and Fulham"),
    HARINGEY("E09000014", "Haringey"),
    HARROW("E09000015", "Harrow"),
    HAVERING("E09000016", "Havering"),
    HILLINGDON("E09000017", "Hillingdon"),
    HOUNSLOW("E09000018", "Hounslow"),
    ISLINGTON("E09000019", "Islington"),
    KENSINGTON_AND_CHELSEA("E09000020", "Kensington and Chelsea"),
    KINGSTON_UPON_THAMES("E09000021", "Kingston upon Thames"),
    LAMBETH("E09000022", "Lambeth"),
    LEWISHAM("E09000023", "Lewisham"),
    MERTON("E09000024", "Merton"),
    NEWHAM("E09000025", "Newham"),
    REDBRIDGE("E09000026", "Redbridge"),
    RICHMOND_UPON_THAMES("E09000027", "Richmond upon Thames"),
    SOUTHWARK("E09000028", "Southwark"),
    SUTTON("E09000029", "Sutton"),
    TOWER_HAMLETS("E09000030", "Tower Hamlets"),
    WALTHAM_FOREST("E09000031", "Waltham Forest"),
    WANDSWORTH("E09000032", "Wandsworth"),
    WESTMINSTER("E09000033", "Westminster");

    private static final Map<String, LondonBorough> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LondonBorough::gssCode, Function.identity()));

    private final String gssCode;
    private final String displayName;

    LondonBorough(String gssCode, String displayName) {
        this.gssCode = gssCode;
        this.displayName = displayName;
    }

    public String gssCode() {
        return gssCode;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<LondonBorough> byGssCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
