package dev.regua.kernel.taxid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "123.456.789-09, 12345678909, 123.456.789-09",
            "12345678909,    12345678909, 123.456.789-09",
            "529.982.247-25, 52998224725, 529.982.247-25",
            "111.444.777-35, 11144477735, 111.444.777-35",
            "' 935 411 347-80 ', 93541134780, 935.411.347-80",
            "000.000.001-91, 00000000191, 000.000.001-91",
    })
    void parsesCpfWithOrWithoutPunctuation(String input, String digits, String formatted) {
        Cpf cpf = Cpf.parse(input);

        assertThat(cpf.digits()).isEqualTo(digits);
        assertThat(cpf.formatted()).isEqualTo(formatted);
        assertThat(Cpf.isValid(input)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            123.456.789-10  | CPF check digits do not match
            123.456.789-00  | CPF check digits do not match
            529.982.247-52  | CPF check digits do not match
            123.456.789-0   | CPF must have 11 digits, got 10 characters
            123.456.789-091 | CPF must have 11 digits, got 12 characters
            123.456.789-0A  | CPF must contain only digits (position 11 is not a digit)
            123*456*789-09  | CPF contains an invalid character at position 4
            """)
    void rejectsInvalidCpfWithAClearMessage(String input, String message) {
        assertThatThrownBy(() -> Cpf.parse(input))
                .isInstanceOf(InvalidTaxIdException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
        assertThat(Cpf.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000", "11111111111", "222.222.222-22", "33333333333", "44444444444",
            "55555555555", "66666666666", "77777777777", "88888888888", "99999999999"})
    void rejectsCpfMadeOfOneRepeatedDigit(String input) {
        assertThatThrownBy(() -> Cpf.parse(input)).hasMessageContaining("one repeated digit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingInputAndValidatorsNeverThrow(String input) {
        assertThatThrownBy(() -> TaxId.parse(input)).isInstanceOf(InvalidTaxIdException.class);
        assertThat(Cpf.isValid(input)).isFalse();
        assertThat(Cnpj.isValid(input)).isFalse();
        assertThat(TaxId.isValid(input)).isFalse();
    }

    @Test
    void neverRepeatsTheNumberInErrorMessages() {
        assertThatThrownBy(() -> Cpf.parse("123.456.789-10"))
                .message().doesNotContain("123").doesNotContain("456");
    }

    @Test
    void masksCpfInToStringSoItStaysOutOfLogs() {
        Cpf cpf = Cpf.parse("123.456.789-09");

        assertThat(cpf.masked()).isEqualTo("***.456.789-**");
        assertThat(cpf).hasToString("***.456.789-**");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "11.222.333/0001-81, 11222333000181, 11.222.333/0001-81, false",
            "11222333000181,     11222333000181, 11.222.333/0001-81, false",
            "60.701.190/0001-04, 60701190000104, 60.701.190/0001-04, false",
            "00.000.000/0001-91, 00000000000191, 00.000.000/0001-91, false",
            "12.ABC.345/01DE-35, 12ABC34501DE35, 12.ABC.345/01DE-35, true",
            "12ABC34501DE35,     12ABC34501DE35, 12.ABC.345/01DE-35, true",
            "12.abc.345/01de-35, 12ABC34501DE35, 12.ABC.345/01DE-35, true",
            "AB.CDE.FGH/IJKL-80, ABCDEFGHIJKL80, AB.CDE.FGH/IJKL-80, true",
    })
    void parsesNumericAndAlphanumericCnpj(String input, String digits, String formatted, boolean alphanumeric) {
        Cnpj cnpj = Cnpj.parse(input);

        assertThat(cnpj.digits()).isEqualTo(digits);
        assertThat(cnpj.formatted()).isEqualTo(formatted);
        assertThat(cnpj.isAlphanumeric()).isEqualTo(alphanumeric);
        assertThat(cnpj).hasToString(formatted);
        assertThat(Cnpj.isValid(input)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            11.222.333/0001-82 | CNPJ check digits do not match
            12.ABC.345/01DE-53 | CNPJ check digits do not match
            12.ABD.345/01DE-35 | CNPJ check digits do not match
            12.ABC.345/01DE-3A | CNPJ check digits (last two characters) must be numeric
            11.222.333/0001-8  | CNPJ must have 14 characters, got 13
            11.222.333/0001-8$ | CNPJ contains an invalid character at position 18
            00.000.000/0000-00 | CNPJ made of one repeated character is not valid
            11.111.111/1111-11 | CNPJ made of one repeated character is not valid
            """)
    void rejectsInvalidCnpjWithAClearMessage(String input, String message) {
        assertThatThrownBy(() -> Cnpj.parse(input))
                .isInstanceOf(InvalidTaxIdException.class)
                .hasMessageContaining(message);
        assertThat(Cnpj.isValid(input)).isFalse();
    }

    @Test
    void computesAlphanumericCheckDigitsFromAsciiMinus48() {
        // RFB example: base 12ABC34501DE has check digits 3 and 5
        assertThat(TaxIds.checkDigit("12ABC34501DE", 9)).isEqualTo(3);
        assertThat(TaxIds.checkDigit("12ABC34501DE3", 9)).isEqualTo(5);
    }

    @Test
    void exposesCnpjRootAndMaskedForm() {
        Cnpj cnpj = Cnpj.parse("12.ABC.345/01DE-35");

        assertThat(cnpj.root()).isEqualTo("12ABC345");
        assertThat(cnpj.masked()).isEqualTo("12.ABC.***/****-**");
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "123.456.789-09,     Cpf",
            "12345678909,        Cpf",
            "11.222.333/0001-81, Cnpj",
            "12ABC34501DE35,     Cnpj",
    })
    void decidesBetweenCpfAndCnpjByLength(String input, String type) {
        TaxId id = TaxId.parse(input);

        String kind = switch (id) {
            case Cpf cpf -> "Cpf";
            case Cnpj cnpj -> "Cnpj";
        };
        assertThat(kind).isEqualTo(type);
        assertThat(TaxId.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "123456789012", "1234567890123", "123456789012345"})
    void rejectsTaxIdOfAnyOtherLength(String input) {
        assertThatThrownBy(() -> TaxId.parse(input))
                .isInstanceOf(InvalidTaxIdException.class)
                .hasMessageContaining("must have 11 (CPF) or 14 (CNPJ) characters, got " + input.length());
    }

    @Test
    void rejectsInvalidTaxIdWithTheSpecificReason() {
        assertThatThrownBy(() -> TaxId.parse("123.456.789-10")).hasMessage("CPF check digits do not match");
        assertThatThrownBy(() -> TaxId.parse("11.222.333/0001-82")).hasMessage("CNPJ check digits do not match");
        assertThat(TaxId.isValid("11.222.333/0001-82")).isFalse();
    }

    @Test
    void comparesByDigitsWhateverTheInputFormat() {
        assertThat(TaxId.parse("123.456.789-09")).isEqualTo(Cpf.parse("12345678909"))
                .hasSameHashCodeAs(Cpf.parse("12345678909"));
        assertThat(Cnpj.parse("12.abc.345/01de-35")).isEqualTo(Cnpj.parse("12ABC34501DE35"));
    }
}
