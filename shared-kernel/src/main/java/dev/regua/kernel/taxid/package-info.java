/**
 * Brazilian taxpayer identifiers: {@link dev.regua.kernel.taxid.Cpf}, {@link dev.regua.kernel.taxid.Cnpj}
 * (numeric and the alphanumeric format of IN RFB 2.229/2024) and the sealed {@link dev.regua.kernel.taxid.TaxId}.
 */
package dev.regua.kernel.taxid;
