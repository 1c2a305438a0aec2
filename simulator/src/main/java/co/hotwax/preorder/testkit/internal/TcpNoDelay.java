package co.hotwax.preorder.testkit.internal;

/**
 * Turns on TCP_NODELAY for the JDK's {@code com.sun.net.httpserver}, which has no per-server or per-socket API
 * for it. Without it every loopback request waits for Nagle's algorithm and the client's delayed ACK (about 40 ms),
 * which makes a sub-second simulation take tens of seconds.
 *
 * <p>How the JDK decides, in {@code sun.net.httpserver.ServerConfig} (JDK 17 to 25): a static initializer reads
 * {@code Boolean.getBoolean("sun.net.httpserver.nodelay")} once, when the class is first used, which is when the
 * first {@code HttpServer} of the JVM is created; {@code ServerImpl}'s dispatcher then calls
 * {@code setTcpNoDelay(true)} on each accepted channel if it was true. So setting the system property before the
 * simulator creates its server works, unless:
 * <ul>
 *   <li>the property is already set: an explicit value, {@code false} included, is the caller's choice and is kept;</li>
 *   <li>another {@code com.sun.net.httpserver} server was created earlier in the same JVM while the property was
 *       unset: the JDK has already read it as false and nothing can change that without reflection into a
 *       non-exported package. Pass {@code -Dsun.net.httpserver.nodelay=true} to that JVM instead.</li>
 * </ul>
 * The property is JVM-wide, so later JDK HTTP servers in the same JVM get TCP_NODELAY too; for a loopback test
 * server that only removes the delayed-ACK wait.
 */
public final class TcpNoDelay {
    /** The JDK's system property, read once per JVM. */
    public static final String PROPERTY = "sun.net.httpserver.nodelay";

    private TcpNoDelay() {
    }

    /** Sets {@link #PROPERTY} to {@code true} unless the caller already chose a value. */
    public static void requestBeforeFirstServer() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
