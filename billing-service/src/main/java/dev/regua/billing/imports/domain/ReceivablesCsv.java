package dev.regua.billing.imports.domain;

import dev.regua.kernel.address.Uf;
import dev.regua.kernel.money.Money;
import dev.regua.kernel.taxid.TaxId;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a spreadsheet of existing receivables, as clinics keep them: UTF-8 (a BOM is ignored), a header line, then
 * one line per open installment (or per payer without installments), separated by {@code ;} or {@code ,} (whichever
 * the header uses), fields quoted as in RFC 4180. Brazilian formats are accepted: amounts like {@code 1.234,56} or
 * {@code R$ 80,00} (also {@code 1234.56}) and dates like {@code 10/03/2026} (also {@code 2026-03-10}).
 *
 * <p>Every problem is reported with its line (as a spreadsheet numbers it, the header being line 1), its column
 * and a message; a line with any problem yields no {@link Row}. Columns (English or Portuguese names, any case,
 * accents ignored): {@code name|nome}, {@code tax_id|cpf_cnpj|cpf|cnpj}, {@code email|e-mail}, {@code mobile|celular},
 * {@code state|uf}, {@code contract_reference|contrato}, {@code installment_number|parcela},
 * {@code installment_count|total_parcelas}, {@code amount|valor}, {@code due_date|vencimento}.
 */
public final class ReceivablesCsv {
    public static final int MAX_ROWS = 5000;
    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final List<String> REQUIRED = List.of("name", "tax_id", "state");
    private static final List<String> INSTALLMENT = List.of("installment_number", "amount", "due_date");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{10,15}");
    private static final Pattern BRAZILIAN_AMOUNT = Pattern.compile("\\d{1,3}(\\.\\d{3})*(,\\d+)?|\\d+(,\\d+)?");
    private static final Pattern DOT_AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern THOUSANDS_ONLY = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final DateTimeFormatter BRAZILIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    static {
        alias("name", "name", "nome");
        alias("tax_id", "tax_id", "taxid", "cpf_cnpj", "cpf/cnpj", "cpf", "cnpj", "documento");
        alias("email", "email", "e-mail");
        alias("mobile", "mobile", "celular", "telefone");
        alias("state", "state", "uf", "estado");
        alias("contract_reference", "contract_reference", "contract", "contrato", "referencia");
        alias("installment_number", "installment_number", "number", "parcela", "numero_parcela");
        alias("installment_count", "installment_count", "count", "total_parcelas", "parcelas");
        alias("amount", "amount", "valor");
        alias("due_date", "due_date", "vencimento", "data_vencimento");
    }

    private ReceivablesCsv() {
    }

    private static void alias(String column, String... names) {
        for (String n : names) {
            ALIASES.put(n, column);
        }
    }

    /** A problem at a line and column (the column's canonical name; {@code null} for the whole line or file). */
    public record RowError(int line, String column, String message) {
    }

    /**
     * A valid line: the payer, and an open installment when {@code contractReference} is present.
     *
     * @param count the plan's installment count when given, else null
     */
    public record Row(int line, String name, TaxId taxId, String email, String mobile, String state,
                      String contractReference, Integer number, Integer count, Money amount, LocalDate dueDate) {
        public boolean hasInstallment() {
            return contractReference != null;
        }
    }

    /** The valid rows, every problem found, and how many data lines the file had. */
    public record Parsed(List<Row> rows, List<RowError> errors, int dataLines) {
    }

    public static Parsed parse(String text) {
        List<RowError> errors = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(new RowError(1, null, "the file is empty; it needs a header line and at least one line"));
            return new Parsed(List.of(), errors, 0);
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separatorOf(content);
        List<Record> records = records(content, separator, errors);
        if (records.isEmpty()) {
            errors.add(new RowError(1, null, "the file has no header line"));
            return new Parsed(List.of(), errors, 0);
        }
        Record header = records.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String raw = header.fields().get(i);
            String column = ALIASES.get(normalise(raw));
            if (column == null) {
                errors.add(new RowError(header.line(), raw.strip(), "unknown column; expected one of " + List.copyOf(new java.util.TreeSet<>(ALIASES.values()))));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new RowError(header.line(), column, "the column appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(header.line(), required, "required column missing"));
            }
        }
        boolean installments = columns.containsKey("contract_reference");
        for (String needed : INSTALLMENT) {
            if (installments && !columns.containsKey(needed)) {
                errors.add(new RowError(header.line(), needed, "required column missing (the file has contract_reference)"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors, records.size() - 1);
        }
        if (records.size() - 1 > MAX_ROWS) {
            errors.add(new RowError(records.get(MAX_ROWS + 1).line(), null, "at most " + MAX_ROWS + " lines per file"));
            return new Parsed(List.of(), errors, records.size() - 1);
        }

        List<Row> rows = new ArrayList<>();
        Map<String, String> nameByTaxId = new HashMap<>();
        Map<String, Integer> lineOfInstallment = new HashMap<>();
        for (Record r : records.subList(1, records.size())) {
            Line line = new Line(r, columns, errors);
            if (r.fields().size() != header.fields().size()) {
                line.error(null, "has " + r.fields().size() + " fields, the header has " + header.fields().size());
                continue;
            }
            String name = line.required("name", 200);
            TaxId taxId = line.taxId();
            String email = line.optional("email", 254);
            if (email != null && !EMAIL.matcher(email).matches()) {
                line.error("email", "'" + email + "' is not an e-mail address");
            }
            String mobile = line.optional("mobile", 20);
            if (mobile != null) {
                mobile = mobile.replaceAll("[\\s().-]", "");
                if (!PHONE.matcher(mobile).matches()) {
                    line.error("mobile", "must be a phone number with DDD, e.g. +5519991234567");
                }
            }
            String state = line.required("state", 2);
            if (state != null) {
                state = state.toUpperCase(Locale.ROOT);
                if (!Uf.isValid(state)) {
                    line.error("state", Uf.MESSAGE);
                }
            }
            String reference = line.optional("contract_reference", 100);
            Integer number = null;
            Integer count = null;
            Money amount = null;
            LocalDate dueDate = null;
            if (reference != null) {
                number = line.integer("installment_number", true);
                count = line.integer("installment_count", false);
                amount = line.amount();
                dueDate = line.date();
                if (number != null && count != null && number > count) {
                    line.error("installment_number", "is greater than installment_count " + count);
                }
            } else if (line.has("installment_number") || line.has("amount") || line.has("due_date")) {
                line.error("contract_reference", "required when the line has an installment");
            }
            // checks against earlier valid lines; only a valid line is remembered
            if (!line.failed()) {
                String known = nameByTaxId.get(taxId.formatted());
                if (known != null && !known.equals(name)) {
                    line.error("name", "the same tax id has another name on an earlier line ('" + known + "')");
                }
            }
            String key = reference == null || line.failed() ? null : taxId.formatted() + "\u001f" + reference + "\u001f" + number;
            if (key != null && lineOfInstallment.containsKey(key)) {
                line.error("installment_number", "installment " + number + " of contract " + reference
                        + " is already on line " + lineOfInstallment.get(key));
            }
            if (!line.failed()) {
                nameByTaxId.putIfAbsent(taxId.formatted(), name);
                if (key != null) {
                    lineOfInstallment.put(key, r.line());
                }
                rows.add(new Row(r.line(), name, taxId, email, mobile, state, reference, number, count, amount, dueDate));
            }
        }
        return new Parsed(rows, errors, records.size() - 1);
    }

    /** Parses an amount as a Brazilian spreadsheet writes it; empty when it is not one. */
    public static Optional<BigDecimal> amount(String text) {
        String s = text.strip().replace("R$", "").replace("\u00a0", "").replace(" ", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.contains(",")) {
            return BRAZILIAN_AMOUNT.matcher(s).matches()
                    ? Optional.of(new BigDecimal(s.replace(".", "").replace(',', '.'))) : Optional.empty();
        }
        if (THOUSANDS_ONLY.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s.replace(".", "")));
        }
        return DOT_AMOUNT.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }

    /** Parses dd/MM/yyyy (also d/M/yyyy) or yyyy-MM-dd, refusing impossible dates; empty when it is neither. */
    public static Optional<LocalDate> date(String text) {
        String s = text.strip();
        try {
            return Optional.of(s.contains("/") ? LocalDate.parse(s, BRAZILIAN_DATE) : LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String header) {
        String s = Normalizer.normalize(header.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replace(' ', '_');
    }

    private static char separatorOf(String content) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180 records; {@code line} is the physical line where each starts; blank lines are skipped. */
    private static List<Record> records(String content, char separator, List<RowError> errors) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int startLine = 1;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (!(fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted)) {
                    records.add(new Record(startLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                startLine = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            errors.add(new RowError(startLine, null, "a quoted field is not closed"));
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted)) {
                records.add(new Record(startLine, List.copyOf(fields)));
            }
        }
        return records;
    }

    /** One data line being read: its fields by column, and the errors it adds. */
    private static final class Line {
        private final Record record;
        private final Map<String, Integer> columns;
        private final List<RowError> errors;
        private boolean failed;

        Line(Record record, Map<String, Integer> columns, List<RowError> errors) {
            this.record = record;
            this.columns = columns;
            this.errors = errors;
        }

        void error(String column, String message) {
            errors.add(new RowError(record.line(), column, message));
            failed = true;
        }

        boolean failed() {
            return failed;
        }

        boolean has(String column) {
            return value(column) != null;
        }

        private String value(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.fields().size()) {
                return null;
            }
            String v = record.fields().get(index).strip();
            return v.isEmpty() ? null : v;
        }

        String optional(String column, int max) {
            String v = value(column);
            if (v != null && v.length() > max) {
                error(column, "must be at most " + max + " characters");
                return null;
            }
            return v;
        }

        String required(String column, int max) {
            String v = value(column);
            if (v == null) {
                error(column, "is required");
                return null;
            }
            return optional(column, max);
        }

        TaxId taxId() {
            String v = value("tax_id");
            if (v == null) {
                error("tax_id", "is required");
                return null;
            }
            try {
                return TaxId.parse(v);
            } catch (IllegalArgumentException e) {
                error("tax_id", e.getMessage());
                return null;
            }
        }

        Integer integer(String column, boolean required) {
            String v = value(column);
            if (v == null) {
                if (required) {
                    error(column, "is required");
                }
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 1 || n > 120) {
                    error(column, "must be between 1 and 120");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                error(column, "'" + v + "' is not a whole number");
                return null;
            }
        }

        Money amount() {
            String v = value("amount");
            if (v == null) {
                error("amount", "is required");
                return null;
            }
            Optional<BigDecimal> parsed = ReceivablesCsv.amount(v);
            if (parsed.isEmpty()) {
                error("amount", "'" + v + "' is not an amount like 1.234,56");
                return null;
            }
            BigDecimal a = parsed.get();
            if (a.stripTrailingZeros().scale() > 2) {
                error("amount", "'" + v + "' has more than 2 decimal places");
                return null;
            }
            if (a.signum() <= 0) {
                error("amount", "must be greater than zero");
                return null;
            }
            if (a.compareTo(new BigDecimal("999999999999.99")) > 0) {
                error("amount", "is too large");
                return null;
            }
            return Money.of(a);
        }

        LocalDate date() {
            String v = value("due_date");
            if (v == null) {
                error("due_date", "is required");
                return null;
            }
            Optional<LocalDate> parsed = ReceivablesCsv.date(v);
            if (parsed.isEmpty()) {
                error("due_date", "'" + v + "' is not a date like 10/03/2026");
                return null;
            }
            return parsed.get();
        }
    }
}
