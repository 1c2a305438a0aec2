package co.hotwax.preorder.testkit;

import static co.hotwax.preorder.testkit.JsonClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk query operations over HTTP: lifecycle in virtual time, JSONL with __parentId, the limit, failures. */
class BulkQueryOperationsTest {
    static final String RUN = """
            mutation Run($q: String!) { bulkOperationRunQuery(query: $q) {
              bulkOperation { id status objectCount url } userErrors { code field message } } }""";
    static final String POLL = """
            query Poll($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url
              partialDataUrl fileSize completedAt type } }""";
    static final String CANCEL = """
            mutation Cancel($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status }
              userErrors { field message } } }""";

    private final VirtualClock clock = new VirtualClock();
    private final SimFixture f = new SimFixture(ShopifySimulator.builder().accessToken(JsonClient.TOKEN).clock(clock)
            .bulkBehaviour(new BulkBehaviour(Duration.ofSeconds(2), 10, 1)));

    @AfterEach
    void close() {
        f.close();
    }

    private String variantsQuery() {
        return "{ productVariants(query: \"sku:JKT*\") { edges { node { id sku inventoryPolicy "
                + "inventoryItem { id tracked inventoryLevel(locationId: \"" + f.warehouse.id() + "\") { "
                + "quantities(names: [\"available\", \"on_hand\"]) { name quantity } } } } } } }";
    }

    private JsonNode run(String query) {
        return f.client.post(RUN, vars("q", query)).data().path("bulkOperationRunQuery");
    }

    private JsonNode poll(String id) {
        return f.client.post(POLL, vars("id", id)).data().path("bulkOperation");
    }

    @Test
    void movesFromCreatedToRunningToCompletedAndServesJsonl() throws Exception {
        JsonNode created = run(variantsQuery());
        assertThat(created.path("userErrors")).isEmpty();
        String id = created.path("bulkOperation").path("id").asText();
        assertThat(created.path("bulkOperation").path("status").asText()).isEqualTo("CREATED");
        assertThat(poll(id).path("url").isNull()).isTrue();

        clock.advance(Duration.ofMillis(2_100));
        JsonNode running = poll(id);
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("objectCount").asLong()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        JsonNode done = poll(id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("objectCount").asText()).isEqualTo("2");
        assertThat(done.path("type").asText()).isEqualTo("QUERY");
        List<JsonNode> lines = f.client.jsonl(done.path("url").asText());
        assertThat(lines).extracting(l -> l.path("sku").asText()).containsExactly("JKT-DENY", "JKT-CONT");
        assertThat(lines.get(0).path("inventoryItem").path("inventoryLevel").path("quantities").get(0)
                .path("quantity").asInt()).isEqualTo(10);
        assertThat(done.path("fileSize").asLong()).isPositive();
    }

    @Test
    void nestedConnectionNodesAreLinesWithParentIdAfterTheirParent() throws Exception {
        f.sim.stock(f.deny.id(), f.store.id(), 3);
        String id = run("{ productVariants { edges { node { id sku inventoryItem { id inventoryLevels { edges { node "
                + "{ id } } } } } } } }").path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        JsonNode done = poll(id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("rootObjectCount").asText()).isEqualTo("2");
        assertThat(done.path("objectCount").asText()).isEqualTo("5");
        List<JsonNode> lines = f.client.jsonl(done.path("url").asText());
        assertThat(lines).extracting(l -> l.path("__parentId").asText(null)).containsExactly(null,
                f.deny.id(), f.deny.id(), null, f.cont.id());
        assertThat(lines.get(0).path("inventoryItem").has("inventoryLevels")).isFalse();
        assertThat(lines.get(1).path("id").asText()).contains("InventoryLevel");
    }

    @Test
    void aConnectionTwoLevelsDownHasTheNodeOneLevelDownAsItsParent() throws Exception {
        SellingPlanGroup group = f.sim.addSellingPlanGroup("Later", SellingPlanReserve.ON_FULFILLMENT, List.of(f.deny.id()));
        String id = run("{ productVariants { edges { node { id sku sellingPlanGroups { edges { node { id name "
                + "sellingPlans { edges { node { id name inventoryPolicy { reserve } } } } } } } } } } }")
                .path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        List<JsonNode> lines = f.client.jsonl(poll(id).path("url").asText());
        assertThat(lines).extracting(l -> l.path("id").asText()).containsExactly(f.deny.id(), group.id(),
                group.planId(), f.cont.id());
        assertThat(lines).extracting(l -> l.path("__parentId").asText(null)).containsExactly(null, f.deny.id(),
                group.id(), null);
        assertThat(lines.get(2).path("inventoryPolicy").path("reserve").asText()).isEqualTo("ON_FULFILLMENT");
    }

    @Test
    void moreThanFiveConnectionsOrThreeLevelsOfNestingAreInvalid() {
        JsonNode six = run("{ productVariants { edges { node { id a: sellingPlanGroups { edges { node { id } } } "
                + "b: sellingPlanGroups { edges { node { id } } } c: sellingPlanGroups { edges { node { id } } } "
                + "d: sellingPlanGroups { edges { node { id } } } e: sellingPlanGroups { edges { node { id } } } } } } }");
        assertThat(six.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(six.path("userErrors").get(0).path("message").asText()).contains("more than 5 connections");
        JsonNode deep = run("{ productVariants { edges { node { id product { variants { edges { node { id "
                + "sellingPlanGroups { edges { node { id sellingPlans { edges { node { id } } } } } } } } } } } } } }");
        assertThat(deep.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(deep.path("userErrors").get(0).path("message").asText()).contains("nested more than 2 levels");
        assertThat(f.sim.bulk().created()).isZero();
    }

    @Test
    void aSecondQueryWhileOneRunsIsRefusedUntilItEnds() {
        String first = run(variantsQuery()).path("bulkOperation").path("id").asText();
        JsonNode refused = run(variantsQuery());
        assertThat(refused.path("bulkOperation").isNull()).isTrue();
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("OPERATION_IN_PROGRESS");
        assertThat(refused.path("userErrors").get(0).path("message").asText()).contains(first);

        clock.advance(Duration.ofMinutes(1));
        assertThat(run(variantsQuery()).path("userErrors")).isEmpty();
        assertThat(f.sim.bulk().created()).isEqualTo(2);
    }

    private List<String> list(String arguments) {
        JsonNode data = f.client.post("query List { bulkOperations(" + arguments + ") { nodes { id status type "
                + "createdAt } } }", java.util.Map.of()).data();
        List<String> ids = new ArrayList<>();
        data.path("bulkOperations").path("nodes").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void bulkOperationsListsNewestFirstWithShopifysFilters() {
        String first = run(variantsQuery()).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        String second = run(variantsQuery()).path("bulkOperation").path("id").asText();
        String between = java.time.Instant.now(clock).minusSeconds(30).toString();

        assertThat(list("first: 10")).containsExactly(second, first);
        assertThat(list("first: 10, reverse: true")).containsExactly(first, second);
        assertThat(list("first: 1")).containsExactly(second);
        assertThat(list("first: 10, query: \"status:completed\"")).containsExactly(first);
        assertThat(list("first: 10, query: \"status:created OR status:running\"")).containsExactly(second);
        assertThat(list("first: 10, query: \"operation_type:query status:completed\"")).containsExactly(first);
        assertThat(list("first: 10, query: \"operation_type:mutation\"")).isEmpty();
        assertThat(list("first: 10, query: \"created_at:>'" + between + "'\"")).containsExactly(second);
        assertThat(list("first: 10, query: \"created_at:<='" + between + "'\"")).containsExactly(first);
        assertThat(list("first: 10, query: \"id:>=" + second.substring(second.lastIndexOf('/') + 1) + "\""))
                .containsExactly(second);
        assertThat(list("first: 10, sortKey: COMPLETED_AT")).as("not completed sorts oldest").containsExactly(first,
                second);
        JsonNode refused = f.client.post("query List { bulkOperations(first: 10, query: \"title:x\") { nodes { id } } }",
                java.util.Map.of()).body();
        assertThat(refused.path("errors").toString()).contains("bulkOperations search terms");
    }

    @Test
    void aForeignOperationHoldsTheLimit() {
        String foreign = f.sim.bulk().startForeign(100);
        assertThat(run(variantsQuery()).path("userErrors").get(0).path("message").asText()).contains(foreign);
    }

    @Test
    void injectedFailureHasErrorCodeAndPartialData() throws Exception {
        f.sim.bulk().failNext(BulkOutcome.FAILED_WITH_PARTIAL_DATA);
        String id = run(variantsQuery()).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        JsonNode failed = poll(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("errorCode").asText()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(failed.path("url").isNull()).isTrue();
        assertThat(f.client.jsonl(failed.path("partialDataUrl").asText())).hasSize(1);
    }

    @Test
    void injectedCancellationAndCancelMutation() {
        f.sim.bulk().failNext(BulkOutcome.CANCELED);
        String id = run(variantsQuery()).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        assertThat(poll(id).path("status").asText()).isEqualTo("CANCELED");

        String second = run(variantsQuery()).path("bulkOperation").path("id").asText();
        JsonNode cancel = f.client.post(CANCEL, vars("id", second)).data().path("bulkOperationCancel");
        assertThat(cancel.path("bulkOperation").path("status").asText()).isEqualTo("CANCELING");
        clock.advance(Duration.ofMinutes(1));
        assertThat(poll(second).path("status").asText()).isEqualTo("CANCELED");
        assertThat(poll(second).path("url").isNull()).isTrue();
    }

    @Test
    void missingScopeFailsWithAccessDenied() {
        f.sim.revokeScope("read_products");
        f.sim.revokeScope("write_products");
        String id = run(variantsQuery()).path("bulkOperation").path("id").asText();
        clock.advance(Duration.ofMinutes(1));
        JsonNode failed = poll(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("errorCode").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void aQueryWithoutARootConnectionIsInvalid() {
        JsonNode refused = run("{ shop { name } }");
        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(f.sim.bulk().created()).isZero();
    }
}
