package dev.regua.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

    @Test
    void clusterIdsAreSixteenBytesOfUrlSafeBase64AndNeverLookLikeAnOption() {
        // about one random id in 64 starts with '-'; ten thousand draws would meet hundreds of them
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaComponent.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
        }
    }
}
