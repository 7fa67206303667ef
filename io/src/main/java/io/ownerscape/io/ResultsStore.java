package io.ownerscape.io;

import io.ownerscape.model.Economy;
import io.ownerscape.model.Firms;
import io.ownerscape.model.MonthlyMetrics;
import io.ownerscape.model.SizeClass;
import io.ownerscape.model.SizeDistribution;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded DuckDB results store of one run: tables {@code run}, {@code monthly},
 * {@code size_classes}, {@code size_distribution} and, if asked for, {@code firm_panel}. Months are
 * appended as they finish (the run's recorder also keeps them, for the report: about 200 bytes a
 * month). {@link #exportParquet}
 * writes each table as a Parquet file. See {@code docs/OUTPUTS.md} for every column.
 */
public final class ResultsStore implements AutoCloseable {
    private final DuckDBConnection connection;
    private DuckDBAppender monthly;
    private DuckDBAppender sizeClasses;
    private DuckDBAppender firmPanel;

    /** Creates a new store file (which must not exist yet). */
    public ResultsStore(Path file) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("DuckDB JDBC driver missing from the class path", e);
        }
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE run (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("""
                    CREATE TABLE monthly (
                      month INTEGER, burn_in BOOLEAN, firms BIGINT, employer_firms BIGINT,
                      employees BIGINT, mean_employer_firm_size DOUBLE,
                      median_employer_firm_size DOUBLE, zipf_alpha DOUBLE, zipf_smin BIGINT,
                      zipf_tail_firms BIGINT, zipf_ks DOUBLE, largest_firm BIGINT,
                      singleton_share DOUBLE, activations BIGINT, births BIGINT, deaths BIGINT,
                      moves BIGINT, job_to_job_rate DOUBLE, mean_effort DOUBLE,
                      output_per_person DOUBLE)""");
            s.execute("""
                    CREATE TABLE size_classes (
                      month INTEGER, size_class VARCHAR, firm_share DOUBLE, employment_share DOUBLE,
                      susb_firm_share DOUBLE, susb_employment_share DOUBLE)""");
            s.execute("CREATE TABLE size_distribution (size BIGINT, firms BIGINT)");
            s.execute("""
                    CREATE TABLE firm_panel (
                      firm_id INTEGER, year INTEGER, size INTEGER, age_months INTEGER,
                      output DOUBLE)""");
        }
        monthly = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "monthly");
        sizeClasses = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "size_classes");
        firmPanel = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "firm_panel");
    }

    /** Records one key of run metadata or parameters. */
    public void putRun(String key, String value) throws SQLException {
        try (var ps = connection.prepareStatement("INSERT OR REPLACE INTO run VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.execute();
        }
    }

    /** Appends one month of metrics. */
    public void appendMonth(MonthlyMetrics m, boolean burnIn) throws SQLException {
        monthly.beginRow();
        monthly.append(m.month());
        monthly.append(burnIn);
        monthly.append(m.firms());
        monthly.append(m.employerFirms());
        monthly.append(m.employees());
        monthly.append(m.meanEmployerFirmSize());
        monthly.append(m.medianEmployerFirmSize());
        monthly.append(m.zipfAlpha());
        monthly.append(m.zipfSmin());
        monthly.append(m.zipfTailFirms());
        monthly.append(m.zipfKs());
        monthly.append(m.largestFirm());
        monthly.append(m.singletonShare());
        monthly.append(m.activations());
        monthly.append(m.births());
        monthly.append(m.deaths());
        monthly.append(m.moves());
        monthly.append(m.jobToJobRate());
        monthly.append(m.meanEffort());
        monthly.append(m.outputPerPerson());
        monthly.endRow();
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            sizeClasses.beginRow();
            sizeClasses.append(m.month());
            sizeClasses.append(c.label());
            sizeClasses.append(m.sizeClassFirmShare()[k]);
            sizeClasses.append(m.sizeClassEmploymentShare()[k]);
            sizeClasses.append(c.susbFirmShare());
            sizeClasses.append(c.susbEmploymentShare());
            sizeClasses.endRow();
        }
    }

    /** Appends every live firm as one row of the yearly firm panel. */
    public void appendFirmPanel(Economy economy, int year) throws SQLException {
        Firms firms = economy.firms();
        for (int f = 0; f < firms.capacity(); f++) {
            int size = firms.size(f);
            if (size == 0) {
                continue;
            }
            firmPanel.beginRow();
            firmPanel.append(f);
            firmPanel.append(year);
            firmPanel.append(size);
            firmPanel.append(economy.month() - firms.foundedMonth(f));
            firmPanel.append(firms.output(f));
            firmPanel.endRow();
        }
    }

    /** Writes the final firm-size distribution. */
    public void putSizeDistribution(SizeDistribution dist) throws SQLException {
        try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "size_distribution")) {
            for (int j = 0; j < dist.sizes().length; j++) {
                a.beginRow();
                a.append(dist.sizes()[j]);
                a.append(dist.counts()[j]);
                a.endRow();
            }
        }
    }

    /** Flushes the appenders so that queries see every appended row. */
    public void flush() throws SQLException {
        monthly.flush();
        sizeClasses.flush();
        firmPanel.flush();
    }

    /** Exports every table to {@code dir/TABLE.parquet}. */
    public void exportParquet(Path dir) throws SQLException {
        flush();
        try (Statement s = connection.createStatement()) {
            for (String table : new String[] {"run", "monthly", "size_classes", "size_distribution", "firm_panel"}) {
                String target = dir.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''");
                s.execute("COPY " + table + " TO '" + target + "' (FORMAT PARQUET)");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : new DuckDBAppender[] {monthly, sizeClasses, firmPanel}) {
            try {
                if (a != null) {
                    a.close();
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        monthly = sizeClasses = firmPanel = null;
        connection.close();
        if (first != null) {
            throw first;
        }
    }
}
