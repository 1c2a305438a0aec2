package co.hotwax.preorder.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two builds of the book measured side by side in one run, turn and turn about, so that whatever the machine does
 * over minutes (other processes, frequency, the host's neighbours) falls on both alike.
 *
 * <p>Separate JMH runs of one jar on a shared virtual machine drift by 7 to 25 % over minutes (BENCHMARKS.md), far
 * more than the 3 % a comparison must resolve. Here each build runs in a JVM of its own (a child process started
 * with the flags of its JMH benchmark), with its benchmark state set up as JMH sets it up, and this process has
 * them run slices in turn, in ABBA order (A B, B A, A B, ...), which also cancels a linear drift within a pair; a
 * child waits idle while the other runs. Each slice is timed by the running thread's CPU clock and by the wall
 * clock, and gives the ratio B/A of its pair.
 *
 * <p>One JVM is not enough either: two JVMs of the same jar differ by a few per cent for their whole life (where the
 * heap landed, which pages became huge pages, what the JIT chose), which no number of pairs inside them averages
 * out. So the comparison runs in rounds, each with a fresh JVM per build (as JMH runs forks): a round's ratio is the
 * median of its measured pairs' ratios, after warm-up pairs (a burst of load on a shared machine stretches single
 * slices), and the figure is the geometric mean of the rounds' ratios with a 95 % confidence interval (Student's t
 * on the logarithms, one sample per round).
 *
 * <p>Why two JVMs and not two class loaders in one: the JDK's own methods (the collections the book calls into) keep
 * one type profile for all callers, so the build whose code the JIT compiles second sees both builds' classes in
 * those profiles and gets slower code; measured here, the same jar loaded twice ran 18 % slower the second time.
 *
 * <p>Two workloads, each the body of its JMH benchmark, reached by the methods JMH calls (so a jar built at any
 * commit that has those benchmarks works, whatever its own harness code); the build's jar is loaded by its own class
 * loader in the child, apart from this jar's classes:
 * <ul>
 *   <li>{@code rebuild}: {@link BookRebuildBenchmark} with {@code threads=1} (the recompute on the measuring
 *       thread): {@code generate()} once, then one {@code rebuild()} per slice, after a {@code System.gc()} outside
 *       the slice as in the benchmark's own iteration setup;</li>
 *   <li>{@code events}: {@link BookEventBenchmark}: {@code build()} once, then {@code applyOne()} a fixed number of
 *       times per slice.</li>
 * </ul>
 *
 * <p>Usage ({@code benchmarks/side-by-side.sh} builds the two jars from two commits and runs this):
 * <pre>
 * java -cp benchmarks.jar co.hotwax.preorder.benchmarks.BookSideBySide rebuild|events A.jar B.jar \
 *     [rounds (6)] [measured pairs a round (8)] [warm-up pairs a round (4)]
 * </pre>
 */
public final class BookSideBySide {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String REBUILD_CLASS = "co.hotwax.preorder.benchmarks.BookRebuildBenchmark";
    private static final String EVENTS_CLASS = "co.hotwax.preorder.benchmarks.BookEventBenchmark";
    private static final String CATALOG = "1000000/200000/2000000";
    /** Events per slice: about a second of one thread at the measured rates, long against the clocks' resolution. */
    private static final int EVENTS_PER_SLICE = 500_000;
    /** What a child writes before the figures of a slice, so its other output can be passed through. */
    private static final String REPLY = "@@ ";

    private BookSideBySide() {
    }

    /**
     * Runs the comparison and prints every slice and the summary; or, as {@code child MODE JAR}, one build's side.
     *
     * @param args {@code rebuild|events}, the jar of build A, the jar of build B, optionally the rounds (default 6),
     *             the measured pairs a round (default 8) and the warm-up pairs a round (default 4)
     * @throws Throwable when a jar cannot be loaded or a workload fails
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], jar(args[2]));
            return;
        }
        if (args.length < 3 || !(args[0].equals("rebuild") || args[0].equals("events"))) {
            System.err.println("usage: BookSideBySide rebuild|events A.jar B.jar [rounds] [pairs] [warm-up pairs]");
            System.exit(2);
        }
        String mode = args[0];
        Path jarA = jar(args[1]);
        Path jarB = jar(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        int pairs = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int warmUpPairs = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        System.out.printf("%s side by side: A = %s, B = %s; %d rounds of a fresh JVM each, %d warm-up and %d measured"
                + " pairs a round, ABBA order%n", mode, args[1], args[2], rounds, warmUpPairs, pairs);
        List<double[]> roundRatios = new ArrayList<>();
        List<double[]> allPairs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Both set up at once (their setup is not measured); the one started first alternates by round.
            Child a = round % 2 == 1 ? Child.launch(mode, jarA, "A") : null;
            Child b = Child.launch(mode, jarB, "B");
            a = a == null ? Child.launch(mode, jarA, "A") : a;
            a.awaitReady();
            b.awaitReady();
            System.out.printf("round %d%npair  A cpu ms  B cpu ms  B/A cpu   A wall ms  B wall ms  B/A wall   A gc ms"
                    + "  B gc ms%n", round);
            List<double[]> measured = new ArrayList<>();
            for (int pair = -warmUpPairs; pair < pairs; pair++) {
                boolean aFirst = Math.floorMod(pair + round, 2) == 1;
                Slice first = (aFirst ? a : b).slice();
                Slice second = (aFirst ? b : a).slice();
                Slice sa = aFirst ? first : second;
                Slice sb = aFirst ? second : first;
                System.out.printf("%4s  %8.0f  %8.0f  %7.4f   %9.0f  %9.0f  %8.4f   %7.0f  %7.0f%n",
                        pair < 0 ? "w" + (pair + warmUpPairs + 1) : String.valueOf(pair + 1), sa.cpuMs, sb.cpuMs,
                        sb.cpuMs / sa.cpuMs, sa.wallMs, sb.wallMs, sb.wallMs / sa.wallMs, sa.gcMs, sb.gcMs);
                if (pair >= 0) {
                    measured.add(new double[] {sb.cpuMs / sa.cpuMs, sb.wallMs / sa.wallMs});
                }
            }
            a.stop();
            b.stop();
            double[] ratio = {median(measured, 0), median(measured, 1)};
            System.out.printf("round %d: B/A %.4f thread-CPU, %.4f wall-clock (medians of its pairs)%n", round,
                    ratio[0], ratio[1]);
            roundRatios.add(ratio);
            allPairs.addAll(measured);
        }
        boolean times = mode.equals("rebuild");
        System.out.println("over the rounds (each round's JVMs are one sample; the figure to quote):");
        System.out.println("  " + summary("thread-CPU", roundRatios, 0, times));
        System.out.println("  " + summary("wall-clock", roundRatios, 1, times));
        System.out.println("over all pairs (ignores what differs between JVMs of one build; for reference):");
        System.out.println("  " + summary("thread-CPU", allPairs, 0, times));
        System.out.println("  " + summary("wall-clock", allPairs, 1, times));
    }

    /**
     * The median of one column of the pairs' ratios: a burst of load that stretches one slice of a pair (a build
     * starting beside it) moves a mean by its whole size but the median not at all.
     */
    static double median(List<double[]> ratios, int column) {
        double[] values = ratios.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : Math.sqrt(values[n / 2 - 1] * values[n / 2]);
    }

    /** One build's side: sets its workload up, then runs a slice per line read until the input ends. */
    private static void child(String mode, Path jar) throws Throwable {
        Workload workload = mode.equals("rebuild") ? Workload.rebuild(jar) : Workload.events(jar);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println(REPLY + "ready");
        System.out.flush();
        while (in.readLine() != null) {
            Slice slice = workload.slice();
            System.out.println(REPLY + slice.cpuMs + " " + slice.wallMs + " " + slice.gcMs);
            System.out.flush();
        }
        workload.close();
    }

    private static Path jar(String name) {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("not a file: " + name);
        }
        return path;
    }

    /**
     * The summary line of one clock: geometric mean of B/A over the samples and its 95 % confidence interval.
     *
     * @param clock the clock's name
     * @param pairs the samples' ratios (rounds or pairs)
     * @param column 0 for thread-CPU, 1 for wall-clock
     * @param rebuilds whether a slice is one rebuild (else a fixed number of events)
     * @return the line
     */
    static String summary(String clock, List<double[]> pairs, int column, boolean rebuilds) {
        int n = pairs.size();
        double sum = 0;
        for (double[] p : pairs) {
            sum += Math.log(p[column]);
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] p : pairs) {
            double d = Math.log(p[column]) - mean;
            squares += d * d;
        }
        double halfWidth = n > 1 ? studentT975(n - 1) * Math.sqrt(squares / (n - 1) / n) : Double.NaN;
        double ratio = Math.exp(mean);
        return String.format("%s: B/A = %.4f (95%% CI %.4f to %.4f) over %d: B takes %+.1f %% of A's time "
                        + "per %s (CI %+.1f %% to %+.1f %%)", clock, ratio, Math.exp(mean - halfWidth),
                Math.exp(mean + halfWidth), n, (ratio - 1) * 100, rebuilds ? "rebuild" : "slice of events",
                (Math.exp(mean - halfWidth) - 1) * 100, (Math.exp(mean + halfWidth) - 1) * 100);
    }

    /**
     * The 97.5 % quantile of Student's t distribution, for a two-sided 95 % interval.
     *
     * @param degreesOfFreedom at least 1
     * @return the quantile (tabulated to 30 degrees of freedom, the normal's 1.96 beyond)
     */
    static double studentT975(int degreesOfFreedom) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
            2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
            2.045, 2.042};
        return degreesOfFreedom <= table.length ? table[degreesOfFreedom - 1] : 1.96;
    }

    /** A child JVM running one build's workload, a slice per request. */
    private static final class Child {
        private final String name;
        private final Process process;
        private final BufferedReader out;
        private final Writer in;

        private Child(String name, Process process) {
            this.name = name;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Starts the child with its JMH benchmark's JVM flags; {@link #awaitReady} waits for its setup. */
        static Child launch(String mode, Path jar, String name) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            // The flags of the benchmark's @Fork (BookRebuildBenchmark, BookEventBenchmark).
            command.addAll(mode.equals("rebuild")
                    ? List.of("-Xms1536m", "-Xmx1536m", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages")
                    : List.of("-Xms1536m", "-Xmx1536m", "-XX:+UseTransparentHugePages"));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BookSideBySide.class.getName(),
                    "child", mode, jar.toString()));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Child(name, process);
        }

        void awaitReady() throws IOException {
            reply();
        }

        Slice slice() throws IOException {
            in.write("slice\n");
            in.flush();
            String[] figures = reply().split(" ");
            return new Slice(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]),
                    Double.parseDouble(figures[2]));
        }

        /** Reads the child's output up to its next reply, passing the rest through. */
        private String reply() throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(REPLY)) {
                    return line.substring(REPLY.length());
                }
                System.out.println("[" + name + "] " + line);
            }
            throw new IOException("build " + name + " ended without answering (exit " + exitCode() + ")");
        }

        private String exitCode() {
            try {
                return String.valueOf(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        void stop() throws IOException, InterruptedException {
            in.close();
            process.waitFor();
        }
    }

    /** One timed slice of a workload, and the collectors' time within it (not in the thread's CPU time). */
    private record Slice(double cpuMs, double wallMs, double gcMs) {
    }

    private static long collectorMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** One build's benchmark state, loaded by its own class loader, and how to run one slice of it. */
    private static final class Workload {
        private final URLClassLoader loader;
        private final MethodHandle before;
        private final MethodHandle body;
        private final int repeats;
        private final MethodHandle close;
        /** Whether the last slice returned a result; the result itself is not kept, as JMH keeps none. */
        private boolean returned;

        private Workload(URLClassLoader loader, MethodHandle before, MethodHandle body, int repeats,
                         MethodHandle close) {
            this.loader = loader;
            this.before = before;
            this.body = body;
            this.repeats = repeats;
            this.close = close;
        }

        static Workload rebuild(Path jar) throws Throwable {
            URLClassLoader loader = loader(jar);
            Class<?> type = Class.forName(REBUILD_CLASS, true, loader);
            Object state = type.getConstructor().newInstance();
            set(type, state, "size", CATALOG);
            set(type, state, "threads", 1);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            lookup.findVirtual(type, "generate", MethodType.methodType(void.class)).invoke(state);
            MethodHandle rebuild = lookup.findVirtual(type, "rebuild", MethodType.methodType(
                    Class.forName("co.hotwax.preorder.core.BatchReport", false, loader))).bindTo(state);
            MethodHandle gc = MethodHandles.lookup().findStatic(System.class, "gc", MethodType.methodType(void.class));
            return new Workload(loader, gc, rebuild.asType(MethodType.methodType(Object.class)), 1,
                    lookup.findVirtual(type, "stop", MethodType.methodType(void.class)).bindTo(state));
        }

        static Workload events(Path jar) throws Throwable {
            URLClassLoader loader = loader(jar);
            Class<?> type = Class.forName(EVENTS_CLASS, true, loader);
            Object state = type.getConstructor().newInstance();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            lookup.findVirtual(type, "build", MethodType.methodType(void.class)).invoke(state);
            MethodHandle apply = lookup.findVirtual(type, "applyOne", MethodType.methodType(void.class))
                    .bindTo(state);
            MethodHandle nothing = MethodHandles.empty(MethodType.methodType(void.class));
            return new Workload(loader, nothing, apply.asType(MethodType.methodType(Object.class)), EVENTS_PER_SLICE,
                    nothing);
        }

        private static URLClassLoader loader(Path jar) throws MalformedURLException {
            return new URLClassLoader("build " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
        }

        private static void set(Class<?> type, Object state, String name, Object value) throws ReflectiveOperationException {
            Field field = type.getField(name);
            field.set(state, value);
        }

        Slice slice() throws Throwable {
            before.invokeExact();
            Object last = null;
            long gc = collectorMillis();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                last = (Object) body.invokeExact();
            }
            long wallNanos = System.nanoTime() - wall;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            returned = last != null;
            return new Slice(cpuNanos / 1e6, wallNanos / 1e6, collectorMillis() - gc);
        }

        void close() throws Throwable {
            close.invokeExact();
            loader.close();
        }
    }
}
