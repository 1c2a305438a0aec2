package co.hotwax.preorder.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side harness's arithmetic: the figure BENCHMARKS.md quotes rests on it. */
class BookSideBySideTest {

    @Test
    void aRoundsRatioIsTheMedianOfItsPairsSoOneStretchedSliceDoesNotMoveIt() {
        List<double[]> pairs = List.of(new double[] {1.00, 1.0}, new double[] {0.98, 1.0}, new double[] {1.60, 1.0},
                new double[] {1.02, 1.0}, new double[] {0.99, 1.0});
        assertThat(BookSideBySide.median(pairs, 0)).isEqualTo(1.00);
        assertThat(BookSideBySide.median(pairs.subList(0, 4), 0)).isCloseTo(Math.sqrt(1.00 * 1.02), within(1e-12));
    }

    @Test
    void theSummaryIsTheGeometricMeanWithStudentsInterval() {
        // log-ratios +0.1 and -0.1 about 0: mean ratio 1, s = 0.1414, half-width t(1) * s / sqrt(2) = 12.706 * 0.1.
        List<double[]> rounds = List.of(new double[] {Math.exp(0.1)}, new double[] {Math.exp(-0.1)});
        String line = BookSideBySide.summary("thread-CPU", rounds, 0, true);
        assertThat(line).startsWith("thread-CPU: B/A = 1.0000 (95% CI " + String.format("%.4f", Math.exp(-1.2706))
                + " to " + String.format("%.4f", Math.exp(1.2706)) + ") over 2:");
    }

    @Test
    void studentsQuantileFallsTowardsTheNormalsWithMoreSamples() {
        assertThat(BookSideBySide.studentT975(1)).isEqualTo(12.706);
        assertThat(BookSideBySide.studentT975(5)).isEqualTo(2.571);
        assertThat(BookSideBySide.studentT975(30)).isEqualTo(2.042);
        assertThat(BookSideBySide.studentT975(31)).isEqualTo(1.96);
    }
}
