package dev.regua.testing;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.RegisteredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes and reads contract events on a real broker, the way the services do (CloudEvents binary mode). */
public final class KafkaEvents {
    private final String bootstrapServers;

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** An event with the CloudEvents id it travels under. */
    public record Envelope(String id, RegisteredEvent event) {
        public static Envelope of(RegisteredEvent event) {
            return new Envelope(UUID.randomUUID().toString(), event);
        }
    }

    /** Publishes the events in order, each on its type's topic with its partition key. */
    public void publish(Envelope... envelopes) {
        try (var producer = producer()) {
            for (Envelope e : envelopes) {
                EventType type = EventType.of(e.event().getClass());
                var record = new ProducerRecord<>(type.topic(), e.event().partitionKey(), EventCodec.toJson(e.event()));
                header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
                header(record, CloudEventHeaders.ID, e.id());
                header(record, CloudEventHeaders.TYPE, type.type());
                header(record, CloudEventHeaders.SOURCE, "/regua/tests");
                header(record, CloudEventHeaders.TENANT, e.event().tenantId());
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Publishes a raw record (for poison messages). */
    public void publishRaw(String topic, String key, String value) {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** Everything on a topic from the beginning, read for {@code during}. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration during) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tests-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + during.toMillis();
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    /** Re-publishes records as they were (same headers, so the same CloudEvents ids). */
    public void republish(List<ConsumerRecord<String, String>> records) {
        try (var producer = producer()) {
            for (ConsumerRecord<String, String> r : records) {
                ProducerRecord<String, String> again = new ProducerRecord<>(r.topic(), r.key(), r.value());
                for (Header h : r.headers()) {
                    again.headers().add(h.key(), h.value());
                }
                producer.send(again);
            }
            producer.flush();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
