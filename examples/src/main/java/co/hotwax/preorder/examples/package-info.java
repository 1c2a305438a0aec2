/**
 * Worked examples of supply sources an integrator writes: {@code csv} reads a spreadsheet of expected receipts,
 * {@code jdbc} reads an OMS's own purchase-order tables. This package holds what both share: how a bad row is
 * reported and how an unreachable source fails.
 */
package co.hotwax.preorder.examples;
