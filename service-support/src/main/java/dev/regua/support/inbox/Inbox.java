package dev.regua.support.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The processed-message table. Inside the consumer's transaction, {@link #firstDelivery} records the message id
 * and answers whether this is the first time; a redelivery answers false and the consumer does nothing.
 */
@ApplicationScoped
public class Inbox {
    private static final String RECORD = "insert into processed_message (consumer, message_id) values (?1, ?2) "
            + "on conflict do nothing";

    public Uni<Boolean> firstDelivery(String consumer, String messageId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, consumer)
                .setParameter(2, messageId)
                .executeUpdate()).map(count -> count == 1);
    }
}
