package co.hotwax.preorder.hotwax;

/** The online ATP contract on H2. */
class HotWaxStockH2ContractTest extends HotWaxStockContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.h2();
    }
}
