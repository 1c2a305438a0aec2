package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The levels after a write (in-flight units) are read only from an answer classified as applied. */
class SetQuantitiesResultTest {
    private static final String OP = "inventoryAdjustQuantities";
    private static final String CHANGES = """
            "changes": [{"name": "available", "quantityAfterChange": 4, "item": {"id": "I1"}},
                        {"name": "on_hand", "quantityAfterChange": 11, "item": {"id": "I1"}}]""";
    private final ObjectMapper json = new ObjectMapper();

    private SetQuantitiesResult classify(String payload, List<GraphQlError> errors) throws Exception {
        JsonNode data = json.readTree("{\"" + OP + "\": " + payload + "}");
        GraphQlResponse response = new GraphQlResponse(200, data, errors, null, null, false);
        return SetQuantitiesResult.classify(OperationResult.of(response, OP, OP), 1, OP);
    }

    @Test
    void anAppliedAnswerCarriesTheLevelsAfterTheWrite() throws Exception {
        SetQuantitiesResult result = classify("{\"inventoryAdjustmentGroup\": {\"id\": \"g\", " + CHANGES
                + "}, \"userErrors\": []}", List.of());
        assertThat(result).isInstanceOf(SetQuantitiesResult.Applied.class);
        assertThat(((SetQuantitiesResult.Applied) result).after().get("I1"))
                .isEqualTo(new LevelQuantities(true, 11, 4, 7));
    }

    @Test
    void changesInAnAnswerWithoutAUserErrorsListAreNeverApplied() throws Exception {
        SetQuantitiesResult result = classify("{\"inventoryAdjustmentGroup\": {\"id\": \"g\", " + CHANGES + "}}", List.of());
        assertThat(result).isInstanceOf(SetQuantitiesResult.NotAnswered.class);
        assertThat(((SetQuantitiesResult.NotAnswered) result).result().toString()).contains(OP);
    }

    @Test
    void changesBesideAnErrorPointingAtTheFieldAreNeverApplied() throws Exception {
        SetQuantitiesResult result = classify("{\"inventoryAdjustmentGroup\": {\"id\": \"g\", " + CHANGES
                + "}, \"userErrors\": []}", List.of(new GraphQlError("Internal error", "INTERNAL_SERVER_ERROR", List.of(OP), null)));
        assertThat(result).isInstanceOf(SetQuantitiesResult.NotAnswered.class);
    }

    @Test
    void aRefusalWithoutAGroupReportsNoLevels() throws Exception {
        SetQuantitiesResult result = classify("{\"inventoryAdjustmentGroup\": null, \"userErrors\": [{\"code\": "
                + "\"INVALID_QUANTITY\", \"field\": [\"input\", \"changes\", \"0\", \"delta\"], \"message\": \"bad\"}]}", List.of());
        assertThat(result).isInstanceOf(SetQuantitiesResult.Refused.class);
        SetQuantitiesResult.Refused refused = (SetQuantitiesResult.Refused) result;
        assertThat(refused.applied()).isFalse();
        assertThat(refused.after()).isEmpty();
        assertThat(refused.refusedByIndex()).containsOnlyKeys(0);
    }
}
