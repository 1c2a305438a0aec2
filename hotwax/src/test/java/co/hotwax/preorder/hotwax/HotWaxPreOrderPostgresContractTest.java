package co.hotwax.preorder.hotwax;

/** The pre-order contract on a PostgreSQL server. */
class HotWaxPreOrderPostgresContractTest extends HotWaxPreOrderContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.postgres();
    }
}
