package dev.regua.kernel.money;

/** Which part of a {@link Money#splitEvenly split} receives the cents that do not divide evenly. */
public enum RemainderPolicy {
    /** The first part carries the remainder (usual for installment plans: later installments are equal). */
    FIRST,
    /** The last part carries the remainder. */
    LAST
}
