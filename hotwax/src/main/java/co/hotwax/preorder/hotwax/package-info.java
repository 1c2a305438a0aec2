/**
 * Preorder Sync's feeds over HotWax OMS's own tables: {@link co.hotwax.preorder.hotwax.HotWaxPurchaseOrderSource},
 * {@link co.hotwax.preorder.hotwax.HotWaxPreOrderSource} and {@link co.hotwax.preorder.hotwax.HotWaxStockSource},
 * configured by {@link co.hotwax.preorder.hotwax.HotWaxSettings}. They read the OFBiz-derived entity model of
 * {@code hotwax/ofbiz-oms-udm} through the OMS's {@code DataSource} and find changes by {@code lastUpdatedStamp}.
 */
package co.hotwax.preorder.hotwax;
