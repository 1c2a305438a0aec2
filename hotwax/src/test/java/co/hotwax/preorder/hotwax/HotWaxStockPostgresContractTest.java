package co.hotwax.preorder.hotwax;

/** The online ATP contract on a PostgreSQL server. */
class HotWaxStockPostgresContractTest extends HotWaxStockContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.postgres();
    }
}
