package co.hotwax.preorder.hotwax;

/** The purchase-order contract on H2. */
class HotWaxPurchaseOrderH2ContractTest extends HotWaxPurchaseOrderContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.h2();
    }
}
