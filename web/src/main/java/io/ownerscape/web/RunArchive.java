package io.ownerscape.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ownerscape.experiment.ExperimentStore;
import io.ownerscape.experiment.RunOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The DuckDB stores the dashboard reads: its own ({@code dashboard.duckdb} in the data
 * directory, where saved live runs go, in the experiment store's schema) and any experiment
 * stores named when the server started. The browser names a store and a run by id only; no path
 * it sends reaches the file system. Each store file is used by one request at a time.
 */
final class RunArchive {
    /** A store the dashboard may read; only the dashboard's own is written. */
    record Source(String name, Path file, boolean writable) {
    }

    static final String DASHBOARD = "dashboard";
    static final String FINGERPRINT = "ownerscape-dashboard-store-v1";
    /** The per-run tables a person may download. */
    static final List<String> TABLES = List.of("monthly", "classes", "elections", "votes_by_class", "parameters",
            "measures", "factors");
    static final List<String> FORMATS = List.of("csv", "parquet");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final Map<String, Source> sources = new LinkedHashMap<>();

    /**
     * @param dataDir where the dashboard's own store lives (created on the first save)
     * @param stores  experiment stores to browse as well; each must be an existing file
     */
    RunArchive(Path dataDir, List<Path> stores) {
        sources.put(DASHBOARD, new Source(DASHBOARD, dataDir.resolve("dashboard.duckdb").toAbsolutePath().normalize(), true));
        for (Path store : stores) {
            Path file = store.toAbsolutePath().normalize();
            if (Files.isDirectory(file) && Files.isRegularFile(file.resolve("experiment.duckdb"))) {
                file = file.resolve("experiment.duckdb");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--store " + store + ": no such file; allowed: an experiment's"
                        + " experiment.duckdb or the directory holding it");
            }
            if (!isDuckDb(file)) {
                throw new IllegalArgumentException("--store " + store + ": not a DuckDB database; allowed: an"
                        + " experiment's experiment.duckdb or the directory holding it");
            }
            Path dir = file.getParent();
            String base = (dir == null || dir.getFileName() == null ? "store" : dir.getFileName().toString())
                    .replaceAll("[^A-Za-z0-9_.-]", "_");
            String name = base;
            for (int k = 2; sources.containsKey(name); k++) {
                name = base + "-" + k;
            }
            sources.put(name, new Source(name, file, false));
        }
    }

    /** Whether a file starts as a DuckDB database does: bytes 8 to 11 read "DUCK". */
    static boolean isDuckDb(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && head[8] == 'D' && head[9] == 'U' && head[10] == 'C' && head[11] == 'K';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    List<Source> sources() {
        return List.copyOf(sources.values());
    }

    /** Saves a live run as it stands into the dashboard's store; returns the stored run's id. */
    String save(LiveRun run) {
        Source own = sources.get(DASHBOARD);
        synchronized (own) {
            try {
                Files.createDirectories(own.file().getParent());
                try (ExperimentStore store = new ExperimentStore(own.file(), FINGERPRINT,
                        Map.of("created_by", "ownerscape serve"))) {
                    var done = store.finished();
                    RunOutcome outcome = run.outcome(done.size());
                    String runId = outcome.spec().runId();
                    if (!done.contains(runId)) {
                        store.write(outcome);
                    }
                    return runId;
                }
            } catch (SQLException e) {
                throw new ApiException(500, "the dashboard store " + own.file() + " cannot be written: " + firstLine(e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every store with its runs; a store that cannot be opened says why. */
    ArrayNode list() {
        ArrayNode out = Json.array();
        for (Source s : sources.values()) {
            ObjectNode node = out.addObject();
            node.put("store", s.name());
            node.put("writable", s.writable());
            ArrayNode runs = node.putArray("runs");
            if (!Files.exists(s.file())) {
                continue;
            }
            try {
                read(s, c -> {
                    try (Statement st = c.createStatement();
                         ResultSet r = st.executeQuery("SELECT run_id, scenario, design, seed, persons, months, regime,"
                                 + " seconds, state_hash FROM runs ORDER BY run_index")) {
                        while (r.next()) {
                            runs.add(row(r));
                        }
                    }
                    return null;
                });
            } catch (ApiException e) {
                node.put("error", e.getMessage());
            }
        }
        return out;
    }

    /** A stored run: its row, parameters, measures and its tables column by column. */
    ObjectNode run(String store, String runId) {
        Source s = source(store);
        checkRunId(runId);
        return read(s, c -> {
            ObjectNode out = Json.object();
            out.put("store", s.name());
            ObjectNode about = runRow(c, runId);
            out.set("run", about);
            out.set("parameters", pairs(c, "SELECT key, value FROM parameters WHERE run_id = ? ORDER BY key", runId));
            out.set("measures", pairs(c, "SELECT measure, value FROM measures WHERE run_id = ? ORDER BY measure", runId));
            out.set("monthly", columns(c, "SELECT * EXCLUDE (run_id) FROM monthly WHERE run_id = ? ORDER BY month", runId));
            out.set("classes", columns(c, "SELECT * EXCLUDE (run_id) FROM classes WHERE run_id = ? ORDER BY month, class", runId));
            out.set("elections", columns(c, "SELECT * EXCLUDE (run_id) FROM elections WHERE run_id = ? ORDER BY month", runId));
            out.set("votes_by_class", columns(c, "SELECT * EXCLUDE (run_id) FROM votes_by_class WHERE run_id = ?"
                    + " ORDER BY month, class, platform", runId));
            return out;
        });
    }

    /** One table of one run as a file of the format asked for. */
    byte[] export(String store, String runId, String table, String format) {
        Source s = source(store);
        checkRunId(runId);
        if (!TABLES.contains(table)) {
            throw ApiException.notFound("table '" + RunRequest.shorten(table) + "': allowed " + String.join(", ", TABLES));
        }
        if (!FORMATS.contains(format)) {
            throw ApiException.notFound("format '" + RunRequest.shorten(format) + "': allowed " + String.join(", ", FORMATS));
        }
        return read(s, c -> {
            runRow(c, runId);
            Path tmp = null;
            try {
                tmp = Files.createTempFile("ownerscape-export-", "." + format);
                String target = tmp.toAbsolutePath().toString().replace("'", "''");
                try (Statement st = c.createStatement()) {
                    // The run id was checked against the store's runs and a strict pattern.
                    st.execute("COPY (SELECT * FROM " + table + " WHERE run_id = '" + runId + "' ORDER BY ALL) TO '"
                            + target + "' (FORMAT " + (format.equals("csv") ? "CSV, HEADER" : "PARQUET") + ")");
                }
                return Files.readAllBytes(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // A temporary file; the system cleans its temporary directory.
                    }
                }
            }
        });
    }

    private Source source(String name) {
        Source s = sources.get(name);
        if (s == null) {
            throw ApiException.notFound("store '" + RunRequest.shorten(name) + "': allowed " + String.join(", ", sources.keySet()));
        }
        if (!Files.exists(s.file())) {
            throw ApiException.notFound("store '" + name + "' holds no runs yet");
        }
        return s;
    }

    private static void checkRunId(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw ApiException.notFound("run '" + RunRequest.shorten(runId) + "': not a run id");
        }
    }

    private static ObjectNode runRow(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, scenario, design, seed, persons, months, regime,"
                + " seconds, state_hash FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw ApiException.notFound("run '" + runId + "': not in this store");
                }
                return row(r);
            }
        }
    }

    private static ObjectNode row(ResultSet r) throws SQLException {
        ObjectNode n = Json.object();
        ResultSetMetaData md = r.getMetaData();
        for (int k = 1; k <= md.getColumnCount(); k++) {
            putValue(n, md.getColumnLabel(k), r.getObject(k));
        }
        return n;
    }

    private static void putValue(ObjectNode n, String key, Object v) {
        switch (v) {
            case null -> n.putNull(key);
            case Boolean b -> n.put(key, b);
            case Integer i -> n.put(key, i);
            case Long l -> n.put(key, l);
            case Number x -> Json.put(n, key, x.doubleValue());
            default -> n.put(key, v.toString());
        }
    }

    private static ObjectNode pairs(Connection c, String sql, String runId) throws SQLException {
        ObjectNode n = Json.object();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    putValue(n, r.getString(1), r.getObject(2));
                }
            }
        }
        return n;
    }

    /** A query's result as one array per column. */
    private static ObjectNode columns(Connection c, String sql, String runId) throws SQLException {
        ObjectNode n = Json.object();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                ResultSetMetaData md = r.getMetaData();
                int cols = md.getColumnCount();
                ArrayNode[] arrays = new ArrayNode[cols];
                for (int k = 0; k < cols; k++) {
                    arrays[k] = n.putArray(md.getColumnLabel(k + 1));
                }
                while (r.next()) {
                    for (int k = 0; k < cols; k++) {
                        Object v = r.getObject(k + 1);
                        switch (v) {
                            case null -> arrays[k].addNull();
                            case Boolean b -> arrays[k].add(b);
                            case Integer i -> arrays[k].add(i);
                            case Long l -> arrays[k].add(l);
                            case Number x -> {
                                double d = x.doubleValue();
                                if (Double.isFinite(d)) {
                                    arrays[k].add(d);
                                } else {
                                    arrays[k].addNull();
                                }
                            }
                            default -> arrays[k].add(v.toString());
                        }
                    }
                }
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Connection c) throws SQLException;
    }

    /** Opens the store read-only for one reader; a store in use elsewhere gives a clear 409. */
    private static <T> T read(Source s, Reader<T> reader) {
        synchronized (s) {
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            try {
                Class.forName("org.duckdb.DuckDBDriver");
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("DuckDB JDBC driver missing from the class path", e);
            }
            Connection c;
            try {
                c = DriverManager.getConnection("jdbc:duckdb:" + s.file(), p);
            } catch (SQLException e) {
                throw ApiException.conflict("store '" + s.name() + "' cannot be opened now (an experiment may be"
                        + " writing it): " + firstLine(e));
            }
            try (c) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET memory_limit = '256MB'");
                }
                return reader.read(c);
            } catch (SQLException e) {
                throw new ApiException(500, "store '" + s.name() + "': " + firstLine(e));
            }
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
