package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LevelsAfterWriteTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void committedAfterTheWriteIsOnHandLessAvailablePerItem() throws Exception {
        Map<String, LevelQuantities> levels = LevelsAfterWrite.of(json.readTree("""
                {"inventoryAdjustmentGroup": {"id": "g", "changes": [
                  {"name": "available", "quantityAfterChange": 4, "item": {"id": "I1"}},
                  {"name": "on_hand", "quantityAfterChange": 11, "item": {"id": "I1"}},
                  {"name": "available", "quantityAfterChange": -2, "item": {"id": "I2"}},
                  {"name": "on_hand", "quantityAfterChange": 3, "item": {"id": "I2"}},
                  {"name": "available", "quantityAfterChange": 5, "item": {"id": "I3"}},
                  {"name": "on_hand", "quantityAfterChange": null, "item": {"id": "I4"}}
                ]}, "userErrors": []}"""));
        assertThat(levels).containsOnlyKeys("I1", "I2");
        assertThat(levels.get("I1")).isEqualTo(new LevelQuantities(true, 11, 4, 7));
        assertThat(levels.get("I2")).isEqualTo(new LevelQuantities(true, 3, -2, 5));
    }

    @Test
    void aPayloadWithoutAGroupGivesNothing() throws Exception {
        assertThat(LevelsAfterWrite.of(json.readTree("{\"inventoryAdjustmentGroup\": null, \"userErrors\": []}"))).isEmpty();
    }
}
