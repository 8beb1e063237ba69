package dev.regua.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    record Holiday(@NotBlank String name) {
    }

    record Body(@NotBlank String name, List<@Valid Holiday> holidays, List<@Pattern(regexp = "[a-z]+") String> tags,
                @Valid Holiday main) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void namesListElementsByTheirIndexOnTheList() {
        Body body = new Body("", List.of(new Holiday("ok"), new Holiday("")), List.of("ok", "NO"), new Holiday(" "));
        var fields = new TreeSet<String>();
        validator.validate(body).forEach(v -> fields.add(ProblemMappers.fieldOf(v)));
        assertEquals(new TreeSet<>(List.of("name", "holidays[1].name", "tags[1]", "main.name")), fields);
    }
}
