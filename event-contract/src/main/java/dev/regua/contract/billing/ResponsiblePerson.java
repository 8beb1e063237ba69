package dev.regua.contract.billing;

/**
 * The person financially responsible for the payer's debts (a student's parent): collection messages go to them.
 */
public record ResponsiblePerson(String name, String taxId, String email, String mobile) {
}
