/**
 * Wiring your database: {@link co.hotwax.preorder.examples.jdbc.JdbcPurchaseOrderSource} reads purchase-order
 * lines over JDBC from an OMS-like schema ({@code schema.sql} next to these classes) and follows its change feed
 * through a {@code change_seq} column. {@link co.hotwax.preorder.examples.jdbc.H2Demo} runs the whole thing on an
 * embedded H2 database, with {@link co.hotwax.preorder.examples.jdbc.OmsPurchaseOrderWriter} standing in for the
 * OMS that writes the orders.
 */
package co.hotwax.preorder.examples.jdbc;
