package dev.regua.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML in, Jackson trees out. SnakeYAML does the parsing because it resolves anchors and merge keys
 * ({@code <<: *defaults}), which docker-compose.yml uses, and because it can refuse duplicate keys,
 * a mistake that otherwise goes unnoticed (the last one silently wins).
 */
final class Yaml {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    /** Every non-empty document of a multi-document YAML text. */
    static List<JsonNode> documents(String text) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        var yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        var documents = new ArrayList<JsonNode>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /** The single document of a YAML text. */
    static JsonNode document(String text) {
        List<JsonNode> documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }
}
