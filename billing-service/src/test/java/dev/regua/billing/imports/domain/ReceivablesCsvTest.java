package dev.regua.billing.imports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.kernel.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReceivablesCsvTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1.234,56|1234.56", "1234,56|1234.56", "R$ 80,00|80.00", "80|80", "0,5|0.5", "1234.56|1234.56",
            "1.234|1234", "1.234.567,89|1234567.89", "12.34.5,00|", "abc|", "1,2,3|", "-5,00|", "|"})
    void readsBrazilianAndPlainAmounts(String text, BigDecimal expected) {
        assertEquals(Optional.ofNullable(expected), ReceivablesCsv.amount(text == null ? "" : text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "10/03/2026|2026-03-10", "1/3/2026|2026-03-01", "2026-03-10|2026-03-10", "29/02/2028|2028-02-29",
            "29/02/2026|", "31/04/2026|", "2026-02-30|", "10-03-2026|", "10/03/26|"})
    void readsBrazilianAndIsoDatesAndRefusesImpossibleOnes(String text, LocalDate expected) {
        assertEquals(Optional.ofNullable(expected), ReceivablesCsv.date(text));
    }

    @Test
    void readsASemicolonSpreadsheetWithPortugueseHeadersQuotesAndABom() {
        String csv = "\uFEFFNome;CPF/CNPJ;E-mail;Celular;UF;Contrato;Parcela;Total parcelas;Valor;Vencimento\r\n"
                + "\"Silva; Maria\";529.982.247-25;maria@example.com;(19) 99123-4567;sp;ORC-1;2;3;\"1.234,56\";10/03/2026\r\n"
                + "\r\n"
                + "\"Silva; Maria\";52998224725;;;SP;ORC-1;3;3;1.234,56;10/04/2026\r\n"
                + "Empresa X;12.ABC.345/01DE-35;;;RJ;;;;;\r\n";
        var parsed = ReceivablesCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        assertEquals(3, parsed.rows().size());
        var first = parsed.rows().get(0);
        assertEquals(2, first.line());
        assertEquals("Silva; Maria", first.name());
        assertEquals("529.982.247-25", first.taxId().formatted());
        assertEquals("19991234567", first.mobile());
        assertEquals("SP", first.state());
        assertEquals(Money.of("1234.56"), first.amount());
        assertEquals(LocalDate.of(2026, 3, 10), first.dueDate());
        assertEquals(3, first.count());
        assertEquals(4, parsed.rows().get(1).line(), "lines are numbered as the spreadsheet shows them");
        assertTrue(!parsed.rows().get(2).hasInstallment());
    }

    @Test
    void readsACommaSpreadsheetWithEnglishHeaders() {
        String csv = "name,tax_id,state,contract_reference,installment_number,amount,due_date\n"
                + "Ana,111.444.777-35,SP,C-9,1,\"80,00\",2026-03-10\n";
        var parsed = ReceivablesCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        assertEquals(Money.of("80.00"), parsed.rows().get(0).amount());
        assertNull(parsed.rows().get(0).count());
    }

    @Test
    void reportsEveryProblemWithItsLineAndColumn() {
        String csv = "nome;cpf_cnpj;uf;contrato;parcela;valor;vencimento;email\n"
                + "Ana;111.444.777-35;SP;C-1;1;10,001;31/02/2026;ana@\n"
                + ";123.456.789-00;XX;C-1;0;abc;;\n"
                + "Ana;111.444.777-35;SP;C-1;1;10,00;10/03/2026;\n"
                + "Outra Ana;111.444.777-35;SP;C-2;1;10,00;10/03/2026;\n"
                + "Bia;529.982.247-25;SP;;;10,00;;\n"
                + "Caio;935.411.347-80;SP\n"
                + "Ana;111.444.777-35;SP;C-1;1;10,00;10/03/2026;\n";
        var parsed = ReceivablesCsv.parse(csv);
        assertEquals(List.of(
                new ReceivablesCsv.RowError(2, "amount", "'10,001' has more than 2 decimal places"),
                new ReceivablesCsv.RowError(2, "due_date", "'31/02/2026' is not a date like 10/03/2026"),
                new ReceivablesCsv.RowError(2, "email", "'ana@' is not an e-mail address")),
                parsed.errors().stream().filter(e -> e.line() == 2).toList().subList(0, 3).stream()
                        .sorted(java.util.Comparator.comparing(ReceivablesCsv.RowError::column)).toList());
        List<String> line3 = parsed.errors().stream().filter(e -> e.line() == 3).map(ReceivablesCsv.RowError::column).toList();
        assertTrue(line3.containsAll(List.of("name", "tax_id", "state", "installment_number", "amount", "due_date")), line3.toString());
        assertEquals(List.of(), columns(parsed, 4), "line 2 with the same installment was invalid");
        assertEquals(List.of("installment_number"), columns(parsed, 8), "the same installment twice");
        assertEquals(List.of("name"), columns(parsed, 5), "one tax id, two names");
        assertEquals(List.of("contract_reference"), columns(parsed, 6));
        assertEquals(1, columns(parsed, 7).size(), "too few fields");
        assertEquals(List.of(4), parsed.rows().stream().map(ReceivablesCsv.Row::line).toList(), "only the valid line is a row");
        assertEquals(7, parsed.dataLines());
    }

    @Test
    void aBadHeaderStopsBeforeReadingLines() {
        var parsed = ReceivablesCsv.parse("nome;colour;valor\nAna;blue;1\n");
        assertEquals(List.of("colour", "tax_id", "state"), parsed.errors().stream().map(ReceivablesCsv.RowError::column).toList());
        assertTrue(parsed.rows().isEmpty());
        assertEquals(1, ReceivablesCsv.parse("").errors().size());
        assertEquals(1, ReceivablesCsv.parse("nome;cpf;uf;contrato;parcela;valor\n").errors().size(), "due_date missing");
    }

    @Test
    void theDocumentedSampleFileImportsWithoutErrors() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/samples/receivables-import.csv"));
        var parsed = ReceivablesCsv.parse(sample);
        assertEquals(List.of(), parsed.errors());
        assertEquals(4, parsed.rows().size());
        assertEquals(Money.of("180.00"), parsed.rows().get(2).amount());
        assertEquals("12.ABC.345/01DE-35", parsed.rows().get(3).taxId().formatted());
    }

    private static List<String> columns(ReceivablesCsv.Parsed parsed, int line) {
        return parsed.errors().stream().filter(e -> e.line() == line).map(ReceivablesCsv.RowError::column).toList();
    }
}
