package dev.regua.billing.payer.domain;

import dev.regua.contract.billing.ResponsiblePerson;
import dev.regua.kernel.taxid.Cpf;
import java.util.Objects;

/** The person financially responsible for the payer's debts, e.g. a student's parent. */
public record Responsible(String name, Cpf cpf, String email, String mobile) {
    public Responsible {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cpf, "cpf");
        name = name.strip();
    }

    public ResponsiblePerson toContract() {
        return new ResponsiblePerson(name, cpf.formatted(), email, mobile);
    }
}
