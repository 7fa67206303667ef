package io.ownerscape.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Properties;

/**
 * Where a result came from: software version, git commit, JDK and machine. Every output carries it.
 *
 * @param version   Ownerscape's version
 * @param gitCommit the commit the software was built from ("unknown" outside a checkout); the
 *                  launcher passes it as the system property {@code ownerscape.gitCommit}
 * @param jdk       the Java runtime's version and vendor
 * @param machine   host name, processors and maximum heap
 */
public record RunMetadata(String version, String gitCommit, String jdk, String machine) {

    /** Read once: an experiment asks for it in every run, and the host lookup may be slow. */
    private static volatile RunMetadata cached;

    /** The metadata of the running process. */
    public static RunMetadata current() {
        RunMetadata m = cached;
        if (m == null) {
            m = read();
            cached = m;
        }
        return m;
    }

    private static RunMetadata read() {
        String version = "unknown";
        try (InputStream in = RunMetadata.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException ignored) {
            // Version stays "unknown": the resource is part of the jar, so this means a broken build.
        }
        String commit = System.getProperty("ownerscape.gitCommit", "unknown");
        String jdk = Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")";
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String machine = host + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", JVM " + ManagementFactory.getRuntimeMXBean().getVmName();
        return new RunMetadata(version, commit, jdk, machine);
    }
}
