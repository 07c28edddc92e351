package org.wayfinder.query.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A dashboard as CSV: comment lines stating what it is and how current, then the same published figures. */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static String write(DashboardResponse response) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printComment("Wayfinder dashboard: " + response.view() + " (" + response.title() + ")");
            csv.printComment("Definition: " + response.definition());
            csv.printComment("Period: " + response.period().granularity() + " from " + response.period().from()
                    + " to " + response.period().to() + " (by business date)");
            csv.printComment("Filters: " + (response.filters().isEmpty() ? "none (all of London)" : response.filters())
                    + "; breakdown: " + response.breakdown() + "; geography: " + response.geography());
            csv.printComment("Suppression: " + response.suppression().policy()
                    + (response.suppression().applied() ? " applied: " + response.suppression().rule()
                    : " (" + response.suppression().reason() + ")"));
            for (Freshness.Status status : response.freshness()) {
                csv.printComment("Data currency: projection " + status.processingGroup() + " is "
                        + status.eventsBehind() + " event(s)"
                        + (status.secondsBehind() == null ? "" : ", " + status.secondsBehind() + " second(s),")
                        + " behind the event store; " + status.deadLetters() + " dead letter(s)");
            }
            List<String> header = new ArrayList<>(List.of("key", "label"));
            response.measures().forEach(m -> header.add(m.name()));
            csv.printRecord(header);
            for (DashboardResponse.Row row : response.rows()) {
                csv.printRecord(line(response, row));
            }
            csv.printRecord(line(response, response.total()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> line(DashboardResponse response, DashboardResponse.Row row) {
        List<Object> line = new ArrayList<>(List.of(row.key(), row.label()));
        response.measures().forEach(m -> {
            Object value = row.values().get(m.name());
            line.add(value == null ? "" : value);
        });
        return line;
    }
}
