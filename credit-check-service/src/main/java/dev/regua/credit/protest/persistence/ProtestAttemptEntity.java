package dev.regua.credit.protest.persistence;

import dev.regua.credit.bureau.persistence.CallAttempt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A call to make to the notary central (PROTEST, CHECK, WITHDRAW, CONSENT, CANCEL), retried from this row. */
@Entity
@Table(name = "protest_attempt")
public class ProtestAttemptEntity extends CallAttempt {
    @Column(name = "protest_id")
    public UUID protestId;
}
