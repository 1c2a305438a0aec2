package co.hotwax.preorder.hotwax;

/** The purchase-order contract on a PostgreSQL server. */
class HotWaxPurchaseOrderPostgresContractTest extends HotWaxPurchaseOrderContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.postgres();
    }
}
