/**
 * Implementation detail of the simulator (cost rules, the throttling bucket). It may change at any time; do not
 * depend on it from outside the testkit.
 */
package co.hotwax.preorder.testkit.internal;
