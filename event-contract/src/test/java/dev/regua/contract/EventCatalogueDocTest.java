package dev.regua.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/events.md stays true: every event type has a section whose sample is the golden sample. */
class EventCatalogueDocTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "events.md");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCatalogueDescribesEveryTypeWithItsGoldenSample(EventType type) throws Exception {
        String doc = Files.readString(CATALOGUE);
        Matcher section = Pattern.compile("### [^\\n]*`" + Pattern.quote(type.type()) + "`\\n(.*?)(?=\\n### |\\z)", Pattern.DOTALL).matcher(doc);
        assertTrue(section.find(), "docs/events.md has no section for " + type.type());
        assertTrue(section.group(1).contains("`" + type.topic() + "`"), "the section of " + type.type() + " names its topic");
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section.group(1));
        assertTrue(json.find(), "the section of " + type.type() + " shows a sample");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(GoldenSamples.json(type)), mapper.readTree(json.group(1)),
                "the sample in docs/events.md differs from the golden sample of " + type.type());
    }
}
