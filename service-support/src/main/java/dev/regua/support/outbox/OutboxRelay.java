package dev.regua.support.outbox;

import dev.regua.contract.CloudEventHeaders;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order, as CloudEvents in binary mode (attributes as {@code ce_*}
 * headers). Rows are marked published only after the broker acknowledged them, so a crash means a row is sent
 * again (at least once) and consumers deduplicate by {@code ce_id}. A transaction-scoped advisory lock keeps one
 * relay active per database, which keeps per-key order even with several instances.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x7265677561L; // "regua"
    private static final String CLAIM = "select id, aggregatetype, aggregateid, type, payload::text as payload, tenant_id, subject, occurred_at "
            + "from outbox_event where published_at is null order by seq limit $1 for update skip locked";

    /** Records of a batch awaiting the broker's acknowledgement at once (within the connector's in-flight limit). */
    private static final int IN_FLIGHT = 128;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final String source;
    private final int batchSize;

    public OutboxRelay(Pool pool, @Channel("regua-outbox") MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       @ConfigProperty(name = "regua.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.pool = pool;
        this.emitter = emitter;
        this.source = "/regua/" + applicationName;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${regua.outbox.poll-interval:0.5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain(MAX_BATCHES_PER_TICK)
                .onFailure().invoke(e -> LOG.warnf("outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Batches one tick may publish back to back while the outbox stays full (a backlog drains without waiting). */
    static final int MAX_BATCHES_PER_TICK = 50;

    /** Publishes batch after batch while each one comes back full, at most {@code batches}; answers the rows sent. */
    public Uni<Integer> drain(int batches) {
        return publishPending().chain(sent -> sent < batchSize || batches <= 1
                ? Uni.createFrom().item(sent)
                : drain(batches - 1).map(more -> sent + more));
    }

    /** Publishes one batch; answers how many rows went out. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("locked") ? publishBatch(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(batchSize)).chain(rows -> {
            List<Row> batch = new ArrayList<>();
            rows.forEach(batch::add);
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<UUID> ids = batch.stream().map(r -> r.getUUID("id")).toList();
            // Pipelined: every record of the batch is handed to the producer in seq order without waiting for the
            // previous acknowledgement (the idempotent producer keeps that order per partition, retries included),
            // then the batch waits for all of them before marking the rows published.
            return Multi.createFrom().iterable(batch)
                    .onItem().transformToUni(this::send).merge(IN_FLIGHT)
                    .collect().last()
                    .chain(() -> conn.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                            .execute(Tuple.of(ids.toArray(new UUID[0]))))
                    .replaceWith(batch.size());
        });
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, row.getUUID("id").toString());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, row.getString("type"));
        header(headers, CloudEventHeaders.TIME, row.getOffsetDateTime("occurred_at").format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, CloudEventHeaders.TENANT, row.getString("tenant_id"));
        if (row.getString("subject") != null) {
            header(headers, CloudEventHeaders.SUBJECT, row.getString("subject"));
        }
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("aggregatetype"))
                .withKey(row.getString("aggregateid"))
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes rows published more than {@code days} ago. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        return pool.preparedQuery("delete from outbox_event where published_at < $1")
                .execute(Tuple.of(OffsetDateTime.now().minusDays(7)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
