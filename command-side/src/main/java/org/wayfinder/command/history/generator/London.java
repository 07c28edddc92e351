package org.wayfinder.command.history.generator;

import static org.wayfinder.kernel.geography.LondonBorough.*;

import java.util.List;
import java.util.Locale;
import org.wayfinder.kernel.geography.LondonBorough;

/** Facts about each borough that shape the generated history. docs/generator.md gives the sources. */
final class London {

    /**
     * @param populationThousands usual residents, Census 2021 (ONS, first results, 28 June 2022), rounded
     * @param outwardCodes        postcode districts mostly inside the borough
     * @param typicalImdDecile    roughly where the borough sits on IMD 2019 (1 = most deprived); a judgement
     *                            from its rank of average score, not an extract
     */
    record Borough(LondonBorough borough, int populationThousands, List<String> outwardCodes, int typicalImdDecile) {

        /** A lower-case name usable inside identifiers, e.g. "tower-hamlets". */
        String slug() {
            return borough.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String gssCode() {
            return borough.gssCode();
        }
    }

    static final List<Borough> BOROUGHS = List.of(
            new Borough(CITY_OF_LONDON, 9, List.of("EC1A", "EC2V", "EC3A", "EC4M"), 7),
            new Borough(BARKING_AND_DAGENHAM, 219, List.of("IG11", "RM8", "RM9", "RM10"), 2),
            new Borough(BARNET, 389, List.of("N2", "N3", "N12", "NW4", "NW7", "EN5"), 6),
            new Borough(BEXLEY, 247, List.of("DA5", "DA6", "DA7", "DA14", "DA15", "DA16"), 6),
            new Borough(BRENT, 340, List.of("NW2", "NW6", "NW10", "HA0", "HA9"), 4),
            new Borough(BROMLEY, 330, List.of("BR1", "BR2", "BR3", "BR5", "BR6", "BR7"), 7),
            new Borough(CAMDEN, 210, List.of("NW1", "NW3", "NW5", "WC1H", "WC1N"), 5),
            new Borough(CROYDON, 391, List.of("CR0", "CR2", "CR7", "CR8", "SE25"), 5),
            new Borough(EALING, 367, List.of("W5", "W7", "W13", "UB1", "UB2", "UB6"), 5),
            new Borough(ENFIELD, 330, List.of("EN1", "EN2", "EN3", "N9", "N13", "N21"), 4),
            new Borough(GREENWICH, 289, List.of("SE3", "SE7", "SE9", "SE10", "SE18", "SE28"), 4),
            new Borough(HACKNEY, 259, List.of("E2", "E5", "E8", "E9", "N16"), 2),
            new Borough(HAMMERSMITH_AND_FULHAM, 183, List.of("W6", "W12", "W14", "SW6"), 5),
            new Borough(HARINGEY, 264, List.of("N4", "N8", "N10", "N15", "N17", "N22"), 3),
            new Borough(HARROW, 261, List.of("HA1", "HA2", "HA3", "HA5", "HA7"), 6),
            new Borough(HAVERING, 262, List.of("RM1", "RM3", "RM7", "RM11", "RM12", "RM14"), 6),
            new Borough(HILLINGDON, 306, List.of("UB3", "UB4", "UB7", "UB8", "UB10", "HA4"), 6),
            new Borough(HOUNSLOW, 288, List.of("TW3", "TW4", "TW5", "TW7", "TW8", "W4"), 5),
            new Borough(ISLINGTON, 217, List.of("N1", "N5", "N7", "N19", "EC1V"), 3),
            new Borough(KENSINGTON_AND_CHELSEA, 143, List.of("W8", "W10", "W11", "SW3", "SW5", "SW10"), 5),
            new Borough(KINGSTON_UPON_THAMES, 168, List.of("KT1", "KT2", "KT3", "KT5", "KT6"), 8),
            new Borough(LAMBETH, 318, List.of("SE11", "SE27", "SW2", "SW4", "SW8", "SW9"), 4),
            new Borough(LEWISHAM, 301, List.of("SE4", "SE6", "SE8", "SE13", "SE14", "SE23"), 4),
            new Borough(MERTON, 215, List.of("SW19", "SW20", "CR4", "SM4"), 7),
            new Borough(NEWHAM, 351, List.of("E6", "E7", "E12", "E13", "E15", "E16"), 3),
            new Borough(REDBRIDGE, 310, List.of("IG1", "IG2", "IG3", "IG4", "IG5", "IG6", "E18"), 6),
            new Borough(RICHMOND_UPON_THAMES, 195, List.of("TW1", "TW2", "TW9", "TW10", "SW13", "SW14"), 9),
            new Borough(SOUTHWARK, 308, List.of("SE1", "SE5", "SE15", "SE16", "SE17", "SE22"), 4),
            new Borough(SUTTON, 210, List.of("SM1", "SM2", "SM3", "SM5", "SM6"), 7),
            new Borough(TOWER_HAMLETS, 310, List.of("E1", "E1W", "E3", "E14"), 3),
            new Borough(WALTHAM_FOREST, 278, List.of("E4", "E10", "E11", "E17"), 4),
            new Borough(WANDSWORTH, 328, List.of("SW11", "SW12", "SW15", "SW17", "SW18"), 6),
            new Borough(WESTMINSTER, 204, List.of("W1H", "W2", "W9", "SW1V", "NW8"), 5));

    /** Boroughs whose schemes record WEMWBS (14 items) rather than SWEMWBS: a local choice, picked as data. */
    static final List<LondonBorough> WEMWBS_BOROUGHS = List.of(HARROW, SUTTON, BEXLEY);

    private London() {
    }

    static Weighted<Borough> byPopulation() {
        return Weighted.of(BOROUGHS, BOROUGHS.stream().mapToDouble(Borough::populationThousands).toArray());
    }

    static int totalPopulationThousands() {
        return BOROUGHS.stream().mapToInt(Borough::populationThousands).sum();
    }
}
