package org.wayfinder.command.history;

import org.wayfinder.command.history.generator.ImportFile;

/**
 * The passes of an import, in journey order: what is referred to exists before what refers to it,
 * closures come after every measure and attendance, and merges and erasures come last so nothing
 * is refused for being recorded against a person already merged or erased. Each pass reads one
 * file; a row's key in that pass is its {@code source_key} plus the pass's suffix.
 */
public enum ImportStage {
    PEOPLE(ImportFile.PEOPLE, ""),
    PROVIDERS(ImportFile.PROVIDERS, ""),
    ACTIVITIES(ImportFile.ACTIVITIES, ""),
    REFERRALS(ImportFile.REFERRALS, ""),
    CONNECTIONS(ImportFile.CONNECTIONS, ""),
    ATTENDANCES(ImportFile.ATTENDANCES, ""),
    WELLBEING(ImportFile.WELLBEING, ""),
    CLOSURES(ImportFile.REFERRALS, "#closure"),
    MERGES(ImportFile.PEOPLE, "#merge"),
    ERASURES(ImportFile.PEOPLE, "#erasure");

    private final ImportFile file;
    private final String keySuffix;

    ImportStage(ImportFile file, String keySuffix) {
        this.file = file;
        this.keySuffix = keySuffix;
    }

    public ImportFile file() {
        return file;
    }

    public String keyOf(String sourceKey) {
        return sourceKey + keySuffix;
    }
}
