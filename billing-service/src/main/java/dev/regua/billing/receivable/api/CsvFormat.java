package dev.regua.billing.receivable.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How the receivables picture's CSV exports are written. {@code STANDARD} (the default): RFC 4180, comma separator,
 * decimal point, ISO dates, for programs. {@code BR} ({@code ?format=br}): what a Brazilian spreadsheet (Excel or
 * LibreOffice in pt-BR) opens without an import wizard: a UTF-8 byte-order mark (accents survive), semicolon separator,
 * decimal comma without thousands separators ({@code 1234,56}) and dates as {@code dd/MM/yyyy}. Both quote text, and a
 * text starting with {@code = + - @} is neutralised so a spreadsheet never runs it as a formula.
 */
public enum CsvFormat {
    STANDARD(',', '.', DateTimeFormatter.ISO_LOCAL_DATE, ""),
    BR(';', ',', DateTimeFormatter.ofPattern("dd/MM/yyyy"), "\uFEFF");

    public static final String LINE_END = "\r\n";

    private final char separator;
    private final char decimal;
    private final DateTimeFormatter dates;
    private final String preamble;

    CsvFormat(char separator, char decimal, DateTimeFormatter dates, String preamble) {
        this.separator = separator;
        this.decimal = decimal;
        this.dates = dates;
        this.preamble = preamble;
    }

    /** {@code br} (any case) or {@code standard}; absent: STANDARD. Anything else is a 404 like other bad query values. */
    public static CsvFormat fromString(String value) {
        return value == null || value.isBlank() ? STANDARD : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The start of a file: the byte-order mark (BR only) and the header line. */
    public String header(String... columns) {
        return preamble + String.join(String.valueOf(separator), columns) + LINE_END;
    }

    /** One line: each value written by its type (text quoted, amounts and dates in this format's convention). */
    public String line(Object... values) {
        return line(java.util.Arrays.asList(values));
    }

    public String line(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(cell(values.get(i)));
        }
        return sb.append(LINE_END).toString();
    }

    String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            String plain = d.toPlainString();
            return decimal == '.' ? plain : plain.replace('.', decimal);
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof Number || value instanceof Enum<?> || value instanceof java.util.UUID) {
            return value.toString();
        }
        return text(value.toString());
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
