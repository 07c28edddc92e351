package org.wayfinder.query.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.wayfinder.query.disclosure.SuppressionPolicy;

/** Reads one dashboard and publishes it under the request's suppression policy. */
@Service
class DashboardService {

    private static final String LONDON_LEVEL = "London-level figures (no filter, broken down by time only) are "
            + "published unsuppressed; the small-numbers rule applies below London level";

    private final DashboardQueries queries;
    private final Freshness freshness;

    DashboardService(DashboardQueries queries, Freshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    DashboardResponse view(DashboardRequest request) {
        DashboardView view = request.view();
        DashboardQueries.Table table = queries.table(request);
        boolean suppress = !request.londonLevel();
        Map<String, String> labels = queries.labels(request.breakdown(), new ArrayList<>(table.rows().keySet()),
                request.granularity());
        DashboardPublisher.Published published = DashboardPublisher.publish(view, table, request.policy(), suppress,
                labels);
        SuppressionPolicy policy = request.policy();
        DashboardResponse.Suppression suppression = suppress
                ? new DashboardResponse.Suppression(policy.id(), true, policy.rule(), "below London level")
                : new DashboardResponse.Suppression("none", false, policy.rule(), LONDON_LEVEL);
        List<Freshness.Status> status = List.of(freshness.of(view.source().processingGroup()));
        return new DashboardResponse(view.id(), view.title(), view.principle().title(), view.definition(),
                new DashboardResponse.Period(request.granularity().id(), request.from(), request.to()),
                request.filterParameters(), request.breakdown().parameter(), request.geography().id(), suppression,
                status, view.measures().stream().map(m -> new DashboardResponse.MeasureInfo(m.name(), m.label(),
                m.kind().name().toLowerCase())).toList(), published.rows(), published.total());
    }
}
