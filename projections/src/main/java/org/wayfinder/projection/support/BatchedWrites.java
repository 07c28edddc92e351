package org.wayfinder.projection.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects a projection's SQL writes for the event processor's current batch and sends them to
 * PostgreSQL once, just before the batch commits. The batch's unit of work holds the database
 * transaction and the processor's token update, so the rows and the token commit together or not
 * at all. Statements keep their order. When their SQL alternates they go to PostgreSQL in one round trip as
 * executions of statements prepared once per connection ({@link PipelinedStatements}); otherwise, or if that
 * cannot render an argument, consecutive statements with the same SQL go as one JDBC batch.
 * <p>
 * A batch whose writes fail is rolled back and retried by the processor. The retry, and any handling
 * outside a processor's batch (a dead letter being retried), writes each event's statements at once,
 * under a savepoint per event: the event whose write fails then fails in its own handler, which parks it
 * in the dead-letter queue, and the transaction carries on with the other events.
 * <p>
 * A projection that derives tables from the rows it writes may pass an {@link AroundFlush}: it sees the rows as
 * they stood before the batch, then as they stand after it, in the batch's transaction.
 */
public final class BatchedWrites {

    /** Runs around the flush of a batch's statements, in the batch's transaction. */
    @FunctionalInterface
    public interface AroundFlush {

        /**
         * Must run {@code statements} exactly once. Not called when some of the batch's events were written at once
         * (a failed batch written again event by event): then {@code statements} run alone.
         */
        void flush(UnitOfWork<?> unitOfWork, Runnable statements);
    }

    private final JdbcTemplate jdbc;
    private final String resourceKey;
    private final AroundFlush around;
    /** Events still to be written one at a time since a batch of this projection failed to flush. */
    private final AtomicInteger eventsOneByOne = new AtomicInteger();

    public BatchedWrites(JdbcTemplate jdbc, String processingGroup) {
        this(jdbc, processingGroup, (unitOfWork, statements) -> statements.run());
    }

    public BatchedWrites(JdbcTemplate jdbc, String processingGroup, AroundFlush around) {
        this.jdbc = jdbc;
        this.resourceKey = BatchedWrites.class.getName() + "/" + processingGroup;
        this.around = around;
    }

    public void add(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> unitOfWork = current.root();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || oneByOne(unitOfWork, current.getMessage())) {
            writeNow(unitOfWork, current.getMessage(), sql, args);
            return;
        }
        Pending pending = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending created = new Pending();
            unitOfWork.onPrepareCommit(u -> {
                try {
                    if (u.resources().containsKey(resourceKey + "/immediate")) {
                        // Some of the batch's events were written at once: the rows no longer stand as before it.
                        created.flush(jdbc);
                    } else {
                        around.flush(u, () -> created.flush(jdbc));
                    }
                } catch (RuntimeException failed) {
                    eventsOneByOne.set(batch.getMessages().size());
                    throw failed;
                }
            });
            return created;
        });
        pending.add(sql, args);
    }

    /** True while events of a failed batch are being written one by one; counts each new event once. */
    private boolean oneByOne(UnitOfWork<?> unitOfWork, Message<?> message) {
        if (eventsOneByOne.get() <= 0) {
            return false;
        }
        EventSavepoint last = unitOfWork.getResource(resourceKey + "/savepoint");
        if (message != null && (last == null || !last.messageId().equals(message.getIdentifier()))) {
            eventsOneByOne.decrementAndGet();
        }
        return true;
    }

    private void writeNow(UnitOfWork<?> unitOfWork, Message<?> message, String sql, Object[] args) {
        unitOfWork.resources().put(resourceKey + "/immediate", Boolean.TRUE);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.update(sql, args);
            return;
        }
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        try {
            writeNow(unitOfWork, connection, message, sql, args);
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    private void writeNow(UnitOfWork<?> unitOfWork, Connection connection, Message<?> message, String sql,
                          Object[] args) {
        String messageId = message == null ? "" : message.getIdentifier();
        EventSavepoint savepoint = unitOfWork.getResource(resourceKey + "/savepoint");
        try {
            if (savepoint == null || !savepoint.messageId().equals(messageId)) {
                savepoint = new EventSavepoint(messageId, connection.setSavepoint());
                unitOfWork.resources().put(resourceKey + "/savepoint", savepoint);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set a savepoint for the projection's writes", e);
        }
        try {
            jdbc.update(sql, args);
        } catch (RuntimeException failed) {
            try {
                connection.rollback(savepoint.savepoint());
            } catch (SQLException e) {
                failed.addSuppressed(e);
            }
            unitOfWork.resources().remove(resourceKey + "/savepoint");
            throw failed;
        }
    }

    private record EventSavepoint(String messageId, Savepoint savepoint) {
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
