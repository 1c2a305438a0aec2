package co.hotwax.preorder.hotwax;

/** The pre-order contract on H2. */
class HotWaxPreOrderH2ContractTest extends HotWaxPreOrderContract {
    @Override
    OmsDatabase database() {
        return OmsDatabase.h2();
    }
}
