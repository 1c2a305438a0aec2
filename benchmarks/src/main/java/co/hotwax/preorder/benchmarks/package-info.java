/** JMH benchmarks and load harnesses behind BENCHMARKS.md. */
package co.hotwax.preorder.benchmarks;
