package org.wayfinder.projection.support;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collects a projection's SQL writes for the event processor's current batch and sends them to
 * PostgreSQL once, just before the batch commits. The batch's unit of work holds the database
 * transaction and the processor's token update, so the rows and the token commit together or not
 * at all. Statements keep their order. When their SQL alternates they go to PostgreSQL in one round trip as
 * executions of statements prepared once per connection ({@link PipelinedStatements}); otherwise, or if that
 * cannot render an argument, consecutive statements with the same SQL go as one JDBC batch.
 */
public final class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String resourceKey;

    public BatchedWrites(JdbcTemplate jdbc, String processingGroup) {
        this.jdbc = jdbc;
        this.resourceKey = BatchedWrites.class.getName() + "/" + processingGroup;
    }

    public void add(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Pending pending = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending created = new Pending();
            unitOfWork.onPrepareCommit(u -> created.flush(jdbc));
            return created;
        });
        pending.add(sql, args);
    }

    private static final class Pending {
        private final List<String> statements = new ArrayList<>();
        private final List<Object[]> arguments = new ArrayList<>();

        void add(String sql, Object[] args) {
            statements.add(sql);
            arguments.add(args);
        }

        void flush(JdbcTemplate jdbc) {
            if (alternates() && Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    PipelinedStatements.execute(connection, statements, arguments)))) {
                statements.clear();
                arguments.clear();
                return;
            }
            int start = 0;
            while (start < statements.size()) {
                String sql = statements.get(start);
                int end = start;
                while (end < statements.size() && statements.get(end).equals(sql)) {
                    end++;
                }
                if (end - start == 1) {
                    jdbc.update(sql, arguments.get(start));
                } else {
                    jdbc.batchUpdate(sql, arguments.subList(start, end));
                }
                start = end;
            }
            statements.clear();
            arguments.clear();
        }

        /** More than one run of identical SQL: a JDBC batch per run would wait for PostgreSQL once per run. */
        private boolean alternates() {
            for (int i = 1; i < statements.size(); i++) {
                if (!statements.get(i).equals(statements.get(0))) {
                    return true;
                }
            }
            return false;
        }
    }
}
