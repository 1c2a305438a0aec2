/**
 * The pre-order domain: canonical allocation of pre-orders to supply lines, the pre-orderable quantity P,
 * eligibility and promise dates.
 */
package co.hotwax.preorder.core;
