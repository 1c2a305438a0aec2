package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.internal.gen.client.InventoryItemUpdateGraphQLQuery;
import co.hotwax.preorder.shopify.internal.gen.client.InventoryItemUpdateProjectionRoot;
import co.hotwax.preorder.shopify.internal.gen.types.InventoryItemInput;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlScalarsTest {

    @Test
    void customScalarsBecomeShopifyStringLiterals() {
        InventoryItemInput input = InventoryItemInput.newBuilder().cost(new BigDecimal("1E+1")).tracked(true).build();
        GraphQLQueryRequest.GraphQLQueryRequestOptions options =
                new GraphQLQueryRequest.GraphQLQueryRequestOptions(GraphQlScalars.all(), graphql.GraphQLContext.getDefault());
        String doc = new GraphQLQueryRequest(InventoryItemUpdateGraphQLQuery.newRequest().id("gid://shopify/InventoryItem/1")
                .input(input).build(), new InventoryItemUpdateProjectionRoot<>().userErrors().message().root(), options).serialize();

        // Shopify's Decimal is a string in plain notation, never an exponent.
        assertThat(doc).containsPattern("cost\\s*:\\s*\"10\"").containsPattern("tracked\\s*:\\s*true");
    }
}
