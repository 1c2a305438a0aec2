package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.testkit.VirtualClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PreorderMetafieldTest {
    private final VirtualClock time = new VirtualClock();
    private final PreorderMetafield metafield = new PreorderMetafield(new ObjectMapper(), time);

    @Test
    void valueUsesHotWaxStorefrontFormat() throws Exception {
        JsonNode value = new ObjectMapper().readTree(metafield.value(true, LocalDate.of(2026, 7, 4)));
        assertThat(value.path("status").asText()).isEqualTo("active");
        assertThat(value.path("preorderType").asText()).isEqualTo("PRE_ORDER");
        assertThat(value.path("promise_date").asText()).isEqualTo("07/04/2026");
        assertThat(value.path("last_updated_at").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(new ObjectMapper().readTree(metafield.value(false, null)).path("promise_date").asText()).isEqualTo("_NA_");
    }

    @Test
    void sameMarkDespiteANewerTimestampNeedsNoWrite() {
        String stored = metafield.value(true, LocalDate.of(2026, 7, 4));
        time.advance(Duration.ofHours(3));
        assertThat(metafield.matches(stored, true, LocalDate.of(2026, 7, 4))).isTrue();
        assertThat(metafield.matches(stored, true, LocalDate.of(2026, 7, 5))).isFalse();
        assertThat(metafield.matches(stored, false, LocalDate.of(2026, 7, 4))).isFalse();
        assertThat(metafield.matches(null, false, null)).isTrue();
        assertThat(metafield.matches("not json", true, null)).isFalse();
        assertThat(metafield.isActive(stored)).isTrue();
    }
}
