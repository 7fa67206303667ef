package io.ownerscape.io;

import io.ownerscape.model.acquisitions.AcquisitionTally;
import io.ownerscape.model.Economy;
import io.ownerscape.model.politics.Election;
import io.ownerscape.model.state.StateTally;
import io.ownerscape.model.world.Firms;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.classes.PersonClass;
import io.ownerscape.model.world.Regions;
import io.ownerscape.model.labour.ReviewTally;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.metrics.SizeDistribution;
import io.ownerscape.model.trial.TransferTrial;
import io.ownerscape.model.measure.Measure;
import io.ownerscape.model.measure.MeasureTable;
import io.ownerscape.model.measure.MonthlyMeasures;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded DuckDB results store of one run: tables {@code run}, {@code monthly},
 * {@code size_classes}, {@code size_distribution}, {@code labour}, {@code classes},
 * {@code class_transitions}, {@code managers_by_size}, {@code wealth_lorenz}, {@code market}
 * (months the goods market operates), {@code acquisitions_by_size} (months with deals),
 * {@code transfer_trial} (months of the unconditional-transfer trial from its first payment) and, if asked for, {@code firm_panel}. Months are
 * appended as they finish (the run's recorder also keeps them, for the report: about 200 bytes a
 * month). {@link #exportParquet}
 * writes each table as a Parquet file. See {@code docs/OUTPUTS.md} for every column.
 */
public final class ResultsStore implements AutoCloseable {
    private final DuckDBConnection connection;
    private DuckDBAppender monthly;
    private DuckDBAppender sizeClasses;
    private DuckDBAppender firmPanel;
    private DuckDBAppender labour;
    private DuckDBAppender classes;
    private DuckDBAppender transitions;
    private DuckDBAppender managersBySize;
    private DuckDBAppender market;
    private DuckDBAppender acquisitionsBySize;
    private DuckDBAppender state;
    private DuckDBAppender elections;
    private DuckDBAppender votes;
    private DuckDBAppender transfer;

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
            s.execute("CREATE TABLE monthly (" + MonthlyMeasures.MONTHLY.columnDefinitions() + ")");
            s.execute("""
                    CREATE TABLE acquisitions_by_size (
                      month INTEGER, acquirer_size_class VARCHAR, acquisitions BIGINT,
                      acquired_persons BIGINT)""");
            s.execute("""
                    CREATE TABLE size_classes (
                      month INTEGER, size_class VARCHAR, firm_share DOUBLE, employment_share DOUBLE,
                      susb_firm_share DOUBLE, susb_employment_share DOUBLE)""");
            s.execute("CREATE TABLE size_distribution (size BIGINT, firms BIGINT)");
            s.execute("CREATE TABLE labour (" + MonthlyMeasures.LABOUR.columnDefinitions() + ")");
            s.execute("CREATE TABLE market (" + MonthlyMeasures.MARKET.columnDefinitions() + ")");
            s.execute("CREATE TABLE classes (month INTEGER, class VARCHAR, persons BIGINT, share DOUBLE,"
                    + " autonomy_sampled BIGINT, autonomy_index DOUBLE)");
            s.execute("CREATE TABLE class_transitions (month INTEGER, from_class VARCHAR, to_class VARCHAR, persons BIGINT)");
            s.execute("""
                    CREATE TABLE managers_by_size (
                      month INTEGER, size_class VARCHAR, managerial_share DOUBLE, mean_layers DOUBLE)""");
            s.execute("CREATE TABLE state (" + MonthlyMeasures.STATE.columnDefinitions() + ")");
            s.execute("""
                    CREATE TABLE transfer_trial (
                      month INTEGER, phase VARCHAR, arm VARCHAR, persons BIGINT, employment_rate DOUBLE,
                      mean_effort DOUBLE, mean_effort_employed DOUBLE, mean_income DOUBLE,
                      mean_transfer DOUBLE)""");
            s.execute("""
                    CREATE TABLE elections (
                      month INTEGER, held BOOLEAN, incumbent VARCHAR, winner VARCHAR, votes_cast BIGINT,
                      abstained BIGINT, margin DOUBLE, decisive DOUBLE, countervailing_power DOUBLE,
                      seconds DOUBLE)""");
            s.execute("""
                    CREATE TABLE votes_by_class (
                      month INTEGER, class VARCHAR, platform VARCHAR, votes BIGINT, share DOUBLE)""");
            s.execute("CREATE TABLE wealth_lorenz (population_share DOUBLE, wealth_share DOUBLE)");
            s.execute("CREATE TABLE regions (region INTEGER, persons BIGINT, employees DOUBLE, hhi DOUBLE,"
                    + " autonomy_index DOUBLE)");
            s.execute("""
                    CREATE TABLE firm_panel (
                      firm_id INTEGER, year INTEGER, size INTEGER, age_months INTEGER,
                      output DOUBLE)""");
        }
        monthly = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "monthly");
        sizeClasses = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "size_classes");
        firmPanel = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "firm_panel");
        labour = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "labour");
        classes = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "classes");
        transitions = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "class_transitions");
        managersBySize = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "managers_by_size");
        market = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "market");
        acquisitionsBySize = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "acquisitions_by_size");
        state = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "state");
        elections = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "elections");
        votes = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "votes_by_class");
        transfer = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "transfer_trial");
    }

    /** Appends the transfer trial's month: one row for the treated group, one for the control group. */
    private void appendTransfer(TransferTrial.Month t) throws SQLException {
        for (int k = 0; k < 2; k++) {
            TransferTrial.Arm a = k == 0 ? t.treated() : t.control();
            transfer.beginRow();
            transfer.append(t.month());
            transfer.append(t.phase());
            transfer.append(k == 0 ? "treated" : "control");
            transfer.append(a.persons());
            transfer.append(a.employmentRate());
            transfer.append(a.meanEffort());
            transfer.append(a.meanEffortEmployed());
            transfer.append(a.meanIncome());
            transfer.append(a.meanPayment());
            transfer.endRow();
        }
    }

    /** Appends a month of the state's accounts and, if one was due, its election. */
    private void appendState(MonthlyMetrics m, boolean burnIn) throws SQLException {
        append(state, MonthlyMeasures.STATE, m, burnIn);
        StateTally t = m.state();
        Election e = t.election();
        if (e == null) {
            return;
        }
        elections.beginRow();
        elections.append(e.month());
        elections.append(e.held());
        elections.append(e.incumbent());
        elections.append(e.winner());
        elections.append(e.cast());
        elections.append(e.abstained());
        elections.append(e.margin());
        elections.append(e.decisive());
        elections.append(e.countervailingPower());
        elections.append(e.seconds());
        elections.endRow();
        if (!e.held()) {
            return;
        }
        double[][] shares = e.voteShareByClass();
        for (PersonClass c : PersonClass.values()) {
            for (int p = 0; p < e.platforms().size(); p++) {
                votes.beginRow();
                votes.append(e.month());
                votes.append(c.key());
                votes.append(e.platforms().get(p));
                votes.append(e.votesByClass()[c.ordinal()][p]);
                votes.append(shares[c.ordinal()][p]);
                votes.endRow();
            }
        }
    }

    /**
     * Writes the final month's regions: persons living there, employees of the firms located
     * there, their HHI and the mean autonomy index of the month's sample of residents.
     */
    public void putRegions(Economy economy, MonthlyMetrics last) throws SQLException {
        Regions regions = economy.regions();
        double[][] hhi = economy.regionalHhi();
        double[] autonomy = last.review() == null ? new double[regions.count()]
                : last.review().autonomyByRegion(regions);
        try (var ps = connection.prepareStatement("INSERT INTO regions VALUES (?, ?, ?, ?, ?)")) {
            for (int r = 0; r < regions.count(); r++) {
                ps.setInt(1, r);
                ps.setLong(2, regions.end(r) - regions.start(r));
                ps.setDouble(3, hhi[0][r]);
                ps.setDouble(4, hhi[1][r]);
                ps.setDouble(5, autonomy[r]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Writes the Lorenz curve of wealth at the end of the run. */
    public void putWealthLorenz(double[] curve) throws SQLException {
        try (var ps = connection.prepareStatement("INSERT INTO wealth_lorenz VALUES (?, ?)")) {
            for (int k = 0; k < curve.length; k++) {
                ps.setDouble(1, (double) k / (curve.length - 1));
                ps.setDouble(2, curve[k]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void appendLabour(MonthlyMetrics m, boolean burnIn) throws SQLException {
        ReviewTally t = m.review();
        append(labour, MonthlyMeasures.LABOUR, m, burnIn);
        if (MonthlyMeasures.MARKET.present().test(m)) {
            append(market, MonthlyMeasures.MARKET, m, burnIn);
        }
        long[] counts = t.classCounts();
        double[] shares = m.classShares();
        for (PersonClass c : PersonClass.values()) {
            classes.beginRow();
            classes.append(m.month());
            classes.append(c.key());
            classes.append(counts[c.ordinal()]);
            classes.append(shares[c.ordinal()]);
            classes.append(t.autonomyCounts()[c.ordinal()]);
            classes.append(t.autonomyByClass()[c.ordinal()]);
            classes.endRow();
            for (PersonClass to : PersonClass.values()) {
                long moved = t.transitions(c, to);
                if (moved > 0) {
                    transitions.beginRow();
                    transitions.append(m.month());
                    transitions.append(c.key());
                    transitions.append(to.key());
                    transitions.append(moved);
                    transitions.endRow();
                }
            }
        }
        double[] share = t.managerialShareBySizeClass();
        double[] layers = t.meanLayersBySizeClass();
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            managersBySize.beginRow();
            managersBySize.append(m.month());
            managersBySize.append(SizeClass.SUSB.get(k).label());
            managersBySize.append(share[k]);
            managersBySize.append(layers[k]);
            managersBySize.endRow();
        }
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
        append(monthly, MonthlyMeasures.MONTHLY, m, burnIn);
        AcquisitionTally a = m.acquisitions();
        if (a.deals() > 0) {
            long[] deals = a.dealsByBuyerSize();
            long[] moved = a.movedByBuyerSize();
            for (int k = 0; k < deals.length; k++) {
                acquisitionsBySize.beginRow();
                acquisitionsBySize.append(m.month());
                acquisitionsBySize.append(SizeClass.SUSB.get(k).label());
                acquisitionsBySize.append(deals[k]);
                acquisitionsBySize.append(moved[k]);
                acquisitionsBySize.endRow();
            }
        }
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
        if (m.review() != null) {
            appendLabour(m, burnIn);
        }
        if (m.state() != null) {
            appendState(m, burnIn);
        }
        if (m.transfer() != null) {
            appendTransfer(m.transfer());
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
            firmPanel.append(firms.serial(f));
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

    /** Appends a month's row of a declared table: each measure in column order, by its kind. */
    private static void append(DuckDBAppender appender, MeasureTable table, MonthlyMetrics m, boolean burnIn)
            throws SQLException {
        appender.beginRow();
        for (Measure c : table.columns()) {
            Object v = c.of(m, burnIn);
            switch (c.kind()) {
                case INTEGER -> appender.append(((Number) v).intValue());
                case BIGINT -> appender.append(((Number) v).longValue());
                case DOUBLE -> appender.append(((Number) v).doubleValue());
                case BOOLEAN -> appender.append((boolean) (Boolean) v);
                case VARCHAR -> appender.append((String) v);
            }
        }
        appender.endRow();
    }

    /** Flushes the appenders so that queries see every appended row. */
    public void flush() throws SQLException {
        for (DuckDBAppender a : new DuckDBAppender[] {monthly, sizeClasses, firmPanel, labour, classes,
                transitions, managersBySize, market, acquisitionsBySize, state, elections, votes, transfer}) {
            a.flush();
        }
    }

    /** Exports every table to {@code dir/TABLE.parquet}. */
    public void exportParquet(Path dir) throws SQLException {
        flush();
        try (Statement s = connection.createStatement()) {
            for (String table : new String[] {"run", "monthly", "size_classes", "size_distribution", "firm_panel",
                    "labour", "classes", "class_transitions", "managers_by_size", "wealth_lorenz", "regions",
                    "market", "acquisitions_by_size", "state", "elections", "votes_by_class", "transfer_trial"}) {
                String target = dir.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''");
                s.execute("COPY " + table + " TO '" + target + "' (FORMAT PARQUET)");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : new DuckDBAppender[] {monthly, sizeClasses, firmPanel, labour, classes,
                transitions, managersBySize, market, acquisitionsBySize, state, elections, votes, transfer}) {
            try {
                if (a != null) {
                    a.close();
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        monthly = sizeClasses = firmPanel = labour = classes = transitions = managersBySize = market = acquisitionsBySize = null;
        state = elections = votes = transfer = null;
        connection.close();
        if (first != null) {
            throw first;
        }
    }
}
