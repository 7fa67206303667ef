package io.ownerscape.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ownerscape.model.labour.LabourKeys;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DuckDB store of an experiment ({@code experiment.duckdb}): every finished run's parameters,
 * measures, monthly series, classes and elections, written as each run finishes so that nothing
 * accumulates in memory. A run's detail rows are written first and its row in {@code runs} last;
 * a run without that row is unfinished, its partial rows are removed when the store is opened
 * again, and a restarted experiment runs it again while skipping every run listed in {@code runs}.
 * Missing values (NaN) are stored as NULL. See {@code docs/OUTPUTS.md} §6 for every column.
 */
public final class ExperimentStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The per-run detail tables and their columns after {@code run_id}, in {@link RunOutcome} row order. */
    static final Map<String, String> DETAIL_TABLES = new LinkedHashMap<>();

    static {
        DETAIL_TABLES.put("monthly", io.ownerscape.model.measure.MonthlyMeasures.HEADLINE.columnDefinitions());
        DETAIL_TABLES.put("classes", "month INTEGER, class VARCHAR, share DOUBLE, autonomy_index DOUBLE");
        DETAIL_TABLES.put("elections", "month INTEGER, held BOOLEAN, incumbent VARCHAR, winner VARCHAR,"
                + " votes_cast BIGINT, abstained BIGINT, margin DOUBLE, decisive DOUBLE, countervailing_power DOUBLE");
        DETAIL_TABLES.put("votes_by_class", "month INTEGER, class VARCHAR, platform VARCHAR, votes BIGINT, share DOUBLE");
    }

    /** A table's columns as its definition lists them: {@code name TYPE, ...}. */
    private static String columns(Statement s, String table) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (ResultSet r = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (r.next()) {
                b.append(b.length() == 0 ? "" : ", ").append(r.getString(1)).append(' ').append(r.getString(2));
            }
        }
        return b.toString();
    }

    /** Every table, for export. */
    static final List<String> TABLES = List.of("experiment", "runs", "factors", "parameters", "measures",
            "monthly", "classes", "elections", "votes_by_class");

    /** A finished run as the analysis reads it back. */
    public record StoredRun(String runId, int index, String scenario, String design, int point, long seed,
                            String regime, Map<String, Object> factors, Map<String, String> parameters,
                            Map<String, Double> measures) {
    }

    /** DuckDB's own memory limit for the store (its buffer pool; rows spill to the file beyond it). */
    static final String MEMORY_LIMIT = "512MB";

    private final DuckDBConnection connection;

    /**
     * Opens the store at {@code file}, creating it if new (in one transaction). An existing store must belong to the same
     * experiment ({@code fingerprint}); partial rows of unfinished runs are removed.
     */
    public ExperimentStore(Path file, String fingerprint, Map<String, String> about) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("DuckDB JDBC driver missing from the class path", e);
        }
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try {
            open(fingerprint, about, file);
        } catch (SQLException | RuntimeException e) {
            if (!connection.isClosed()) {
                connection.close();
            }
            throw e;
        }
    }

    private void open(String fingerprint, Map<String, String> about, Path file) throws SQLException {
        boolean exists;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'experiment'")) {
            r.next();
            // A store killed while being created holds no experiment table (creation is one
            // transaction): it counts as new.
            exists = r.getLong(1) > 0;
        }
        try (Statement s = connection.createStatement()) {
            // DuckDB caches up to 80% of memory by default, so its footprint would grow with the
            // store; a fixed limit keeps an experiment's memory flat however many runs it holds.
            s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            if (!exists) {
                connection.setAutoCommit(false);
                s.execute("CREATE TABLE experiment (key VARCHAR PRIMARY KEY, value VARCHAR)");
                s.execute("CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, run_index INTEGER, scenario VARCHAR,"
                        + " design VARCHAR, point INTEGER, seed BIGINT, persons INTEGER, months INTEGER,"
                        + " burn_in INTEGER, regime VARCHAR, seconds DOUBLE, state_hash VARCHAR)");
                s.execute("CREATE TABLE factors (run_id VARCHAR, factor VARCHAR, value VARCHAR, numeric DOUBLE)");
                s.execute("CREATE TABLE parameters (run_id VARCHAR, key VARCHAR, value VARCHAR)");
                s.execute("CREATE TABLE measures (run_id VARCHAR, measure VARCHAR, value DOUBLE)");
                for (var t : DETAIL_TABLES.entrySet()) {
                    s.execute("CREATE TABLE " + t.getKey() + " (run_id VARCHAR, " + t.getValue() + ")");
                }
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO experiment VALUES (?, ?)")) {
                    p.setString(1, "fingerprint");
                    p.setString(2, fingerprint);
                    p.execute();
                    for (var e : about.entrySet()) {
                        p.setString(1, e.getKey());
                        p.setString(2, e.getValue());
                        p.execute();
                    }
                }
                connection.commit();
                connection.setAutoCommit(true);
            } else {
                String stored = null;
                try (ResultSet r = s.executeQuery("SELECT value FROM experiment WHERE key = 'fingerprint'")) {
                    if (r.next()) {
                        stored = r.getString(1);
                    }
                }
                if (!fingerprint.equals(stored)) {
                    connection.close();
                    throw new Experiment.OutputException(file + " holds another experiment (its file, seeds or design"
                            + " differ); use another --out, or delete that directory to start again");
                }
                for (var t : DETAIL_TABLES.entrySet()) {
                    String declared = "run_id VARCHAR, " + t.getValue();
                    String found = columns(s, t.getKey());
                    if (!declared.equalsIgnoreCase(found)) {
                        connection.close();
                        throw new Experiment.OutputException(file + " was written by another version of Ownerscape: its"
                                + " table " + t.getKey() + " has the columns (" + found + "), this version writes ("
                                + declared + "); use another --out, or delete that directory to start again");
                    }
                }
                for (String t : List.of("factors", "parameters", "measures", "monthly", "classes", "elections",
                        "votes_by_class")) {
                    s.execute("DELETE FROM " + t + " WHERE run_id NOT IN (SELECT run_id FROM runs)");
                }
            }
        }
    }

    /** Run ids of the finished runs. */
    public Set<String> finished() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id FROM runs ORDER BY run_index")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Writes one finished run: its detail rows, then its row in {@code runs}. */
    public void write(RunOutcome o) throws SQLException {
        String id = o.spec().runId();
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "factors")) {
            for (var e : o.spec().factors().entrySet()) {
                a.beginRow();
                a.append(id);
                a.append(e.getKey());
                a.append(String.valueOf(e.getValue()));
                Object v = e.getValue();
                double numeric = v instanceof Number n ? n.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
                appendDouble(a, numeric);
                a.endRow();
            }
        }
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "parameters")) {
            for (var e : LabourKeys.toMap(o.spec().settings().labour()).entrySet()) {
                a.beginRow();
                a.append(id);
                a.append(e.getKey());
                a.append(String.valueOf(e.getValue()));
                a.endRow();
            }
            a.beginRow();
            a.append(id);
            a.append("ruling_platform");
            a.append(o.spec().settings().ruling() == null ? "none" : o.spec().settings().ruling());
            a.endRow();
            a.beginRow();
            a.append(id);
            a.append("preset");
            a.append(o.spec().settings().preset().key());
            a.endRow();
        }
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "measures")) {
            for (var e : o.measures().entrySet()) {
                a.beginRow();
                a.append(id);
                a.append(e.getKey());
                appendDouble(a, e.getValue());
                a.endRow();
            }
        }
        for (String table : DETAIL_TABLES.keySet()) {
            List<Object[]> rows = o.rows().getOrDefault(table, List.of());
            try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                for (Object[] row : rows) {
                    a.beginRow();
                    a.append(id);
                    for (Object v : row) {
                        appendValue(a, v);
                    }
                    a.endRow();
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setInt(2, o.spec().index());
            p.setString(3, o.spec().scenario());
            p.setString(4, o.spec().design());
            p.setInt(5, o.spec().point());
            p.setLong(6, o.spec().seed());
            p.setInt(7, o.spec().settings().model().persons());
            p.setInt(8, o.spec().settings().months());
            p.setInt(9, o.spec().settings().burnIn());
            p.setString(10, o.regime());
            p.setDouble(11, o.seconds());
            p.setString(12, o.stateHash());
            p.execute();
        }
    }

    /** Every finished run with its factors and measures, in run order. */
    public List<StoredRun> runs() throws SQLException {
        Map<String, Map<String, Object>> factors = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, factor, value, numeric FROM factors ORDER BY rowid")) {
            while (r.next()) {
                double numeric = r.getDouble(4);
                Object value = r.wasNull() ? r.getString(3) : (Object) numeric;
                if ("true".equals(r.getString(3)) || "false".equals(r.getString(3))) {
                    value = Boolean.parseBoolean(r.getString(3));
                }
                factors.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2), value);
            }
        }
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, key, value FROM parameters ORDER BY rowid")) {
            while (r.next()) {
                parameters.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2), r.getString(3));
            }
        }
        Map<String, Map<String, Double>> measures = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, measure, value FROM measures ORDER BY rowid")) {
            while (r.next()) {
                double v = r.getDouble(3);
                measures.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                        .put(r.getString(2), r.wasNull() ? Double.NaN : v);
            }
        }
        List<StoredRun> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, run_index, scenario, design, point, seed, regime"
                     + " FROM runs ORDER BY run_index")) {
            while (r.next()) {
                String id = r.getString(1);
                out.add(new StoredRun(id, r.getInt(2), r.getString(3), r.getString(4), r.getInt(5), r.getLong(6),
                        r.getString(7), factors.getOrDefault(id, Map.of()), parameters.getOrDefault(id, Map.of()),
                        measures.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    /** Rows of a query, each as an array of column values (for the report's series). */
    public List<Object[]> query(String sql, Object... args) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int k = 0; k < args.length; k++) {
                p.setObject(k + 1, args[k]);
            }
            try (ResultSet r = p.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int k = 0; k < n; k++) {
                        row[k] = r.getObject(k + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Records a key about the experiment (wall time, machine), replacing an earlier value. */
    public void putAbout(String key, String value) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO experiment VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.execute();
        }
    }

    /** Writes every table to {@code dir/TABLE.parquet}. */
    public void exportParquet(Path dir) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String table : TABLES) {
                String target = dir.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''");
                s.execute("COPY (SELECT * FROM " + table + " ORDER BY ALL) TO '" + target + "' (FORMAT PARQUET)");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void appendDouble(DuckDBAppender a, double v) throws SQLException {
        if (Double.isNaN(v)) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    private static void appendValue(DuckDBAppender a, Object v) throws SQLException {
        switch (v) {
            case null -> a.appendNull();
            case Double d -> appendDouble(a, d);
            case Integer i -> a.append(i.intValue());
            case Long l -> a.append(l.longValue());
            case Boolean b -> a.append(b.booleanValue());
            case String s -> a.append(s);
            default -> a.append(String.valueOf(v));
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
