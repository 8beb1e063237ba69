package dev.regua.credit.negativation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "negativation_debt")
@IdClass(NegativationDebtEntity.Key.class)
public class NegativationDebtEntity {
    @Id
    @Column(name = "negativation_id")
    public UUID negativationId;
    @Id
    @Column(name = "installment_id")
    public UUID installmentId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "original_due_date")
    public LocalDate originalDueDate;
    public BigDecimal amount;

    public static class Key implements Serializable {
        public UUID negativationId;
        public UUID installmentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.negativationId, negativationId) && Objects.equals(k.installmentId, installmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(negativationId, installmentId);
        }
    }
}
