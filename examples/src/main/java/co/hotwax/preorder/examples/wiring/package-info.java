/**
 * The wiring the README shows, as code the test suite compiles and runs against the simulator, so the README
 * cannot drift from the API.
 */
package co.hotwax.preorder.examples.wiring;
