package dev.regua.credit.negativation.persistence;

import dev.regua.credit.bureau.persistence.CallAttempt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A call to make to a bureau (NOTICE, REGISTER, REMOVE), retried from this row until the bureau answers. */
@Entity
@Table(name = "bureau_attempt")
public class BureauAttemptEntity extends CallAttempt {
    @Column(name = "negativation_id")
    public UUID negativationId;
}
