package io.ownerscape.io;

import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.metrics.SizeClass;
import io.ownerscape.model.metrics.SizeDistribution;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report's charts, drawn by XChart and written as SVG (inline in the report) and PNG. */
public final class Charts {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 440;

    private Charts() {
    }

    /** A chart with its file stem and caption. */
    public record Named(String stem, String caption, Chart<?, ?> chart) {
    }

    /** CCDF of employees per employer firm, log-log, with the fitted Zipf line and SUSB points. */
    static Named ccdf(SizeDistribution dist, MonthlyMetrics last) {
        long[][] emp = dist.employerEmployees();
        long[] x = emp[0];
        long[] c = emp[1];
        long total = 0;
        for (long k : c) {
            total += k;
        }
        XYChart chart = base("Firm-size distribution (CCDF, employer firms)", "employees",
                "share of employer firms with at least x employees");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        if (total > 0) {
            double[] xs = new double[x.length];
            double[] ys = new double[x.length];
            long atLeast = total;
            for (int j = 0; j < x.length; j++) {
                xs[j] = x[j];
                ys[j] = (double) atLeast / total;
                atLeast -= c[j];
            }
            XYSeries model = chart.addSeries("model", xs, ys);
            model.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            model.setMarker(SeriesMarkers.CIRCLE);
            if (!Double.isNaN(last.zipfAlpha()) && last.zipfSmin() > 0) {
                double start = last.zipfSmin();
                double share = (double) last.zipfTailFirms() / total;
                double end = Math.max(start * 10, xs[xs.length - 1]);
                XYSeries zipf = chart.addSeries(String.format("Zipf fit, alpha = %.3f", last.zipfAlpha()),
                        new double[] {start, end},
                        new double[] {share, share * Math.pow(end / start, -last.zipfAlpha())});
                zipf.setMarker(SeriesMarkers.NONE);
                zipf.setLineColor(new Color(0xD62728));
            }
        }
        double[] susbX = new double[SizeClass.SUSB.size()];
        double[] susbY = new double[SizeClass.SUSB.size()];
        // Summed from the top: the published shares are rounded, so 1 minus the classes below
        // would misplace the sparse upper classes.
        double atLeast = 0;
        for (int k = SizeClass.SUSB.size() - 1; k >= 0; k--) {
            atLeast += SizeClass.SUSB.get(k).susbFirmShare();
            susbX[k] = SizeClass.SUSB.get(k).minEmployees();
            susbY[k] = Math.min(1, atLeast);
        }
        XYSeries susb = chart.addSeries("US SUSB 2022", susbX, susbY);
        susb.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        susb.setMarker(SeriesMarkers.DIAMOND);
        susb.setMarkerColor(Color.BLACK);
        return new Named("firm_size_ccdf", "Share of employer firms with at least x employees, "
                + "model (final month) against the US Statistics of US Businesses 2022 class bounds, "
                + "with the maximum-likelihood Zipf tail.", chart);
    }

    /** Model against SUSB shares by size class, of firms or of employment. */
    static Named sizeClasses(MonthlyMetrics last, boolean employment) {
        List<String> labels = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> susb = new ArrayList<>();
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            SizeClass c = SizeClass.SUSB.get(k);
            labels.add(c.label());
            model.add(employment ? last.sizeClassEmploymentShare()[k] : last.sizeClassFirmShare()[k]);
            susb.add(employment ? c.susbEmploymentShare() : c.susbFirmShare());
        }
        String what = employment ? "employment" : "employer firms";
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Share of " + what + " by size class").xAxisTitle("employees")
                .yAxisTitle("share of " + what).build();
        style(chart.getStyler());
        chart.addSeries("model", labels, model);
        chart.addSeries("US SUSB 2022", labels, susb);
        return new Named(employment ? "size_classes_employment" : "size_classes_firms",
                "Share of " + what + " in each SUSB size class, model (final month) and US 2022.",
                chart);
    }

    /** A time series of one or more monthly metrics. */
    static Named series(String stem, String title, String yTitle, List<MonthlyMetrics> history,
                        List<String> names, List<java.util.function.ToDoubleFunction<MonthlyMetrics>> values,
                        String caption) {
        // Years on the axis: month numbers in the hundreds crowd the tick labels together.
        XYChart chart = base(title, "year", yTitle);
        chart.getStyler().setXAxisDecimalPattern("0");
        if (!"alpha".equals(yTitle)) {
            chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        }
        double[] months = new double[history.size()];
        for (int k = 0; k < months.length; k++) {
            months[k] = history.get(k).month() / 12.0;
        }
        for (int s = 0; s < names.size(); s++) {
            double[] ys = new double[history.size()];
            for (int k = 0; k < ys.length; k++) {
                // NaN (no tail fit yet) leaves a gap in the line rather than a false zero.
                ys[k] = values.get(s).applyAsDouble(history.get(k));
            }
            XYSeries series = chart.addSeries(names.get(s), months, ys);
            series.setMarker(SeriesMarkers.NONE);
        }
        return new Named(stem, caption, chart);
    }

    /** Class shares over time, one line per class. */
    static Named classes(List<MonthlyMetrics> history) {
        XYChart chart = base("Class composition over time", "year", "share of persons");
        chart.getStyler().setXAxisDecimalPattern("0");
        List<MonthlyMetrics> rows = history.stream().filter(m -> m.review() != null).toList();
        double[] years = new double[rows.size()];
        for (int k = 0; k < years.length; k++) {
            years[k] = rows.get(k).month() / 12.0;
        }
        for (io.ownerscape.model.classes.PersonClass c : io.ownerscape.model.classes.PersonClass.values()) {
            double[] ys = new double[rows.size()];
            for (int k = 0; k < ys.length; k++) {
                ys[k] = rows.get(k).classShares()[c.ordinal()];
            }
            chart.addSeries(c.key(), years, ys).setMarker(SeriesMarkers.NONE);
        }
        return new Named("classes", "Share of persons in each class each month (MODEL.md §7.11 for the"
                + " definitions and precedence).", chart);
    }

    /** Managers per employee and mean layers by SUSB size class, final month. */
    static Named managersBySize(MonthlyMetrics last) {
        List<String> labels = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Double> layers = new ArrayList<>();
        double[] ms = last.review().managerialShareBySizeClass();
        double[] ls = last.review().meanLayersBySizeClass();
        for (int k = 0; k < SizeClass.SUSB.size(); k++) {
            labels.add(SizeClass.SUSB.get(k).label());
            share.add(ms[k]);
            layers.add(ls[k] / 10);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Managers by firm size").xAxisTitle("employees").yAxisTitle("share / layers ÷ 10").build();
        style(chart.getStyler());
        chart.addSeries("managers per employee", labels, share);
        chart.addSeries("mean manager layers ÷ 10", labels, layers);
        return new Named("managers_by_size", "Hired managers per employee and mean manager layers (divided by"
                + " 10 to share the axis) of employer firms in each SUSB size class, final month. US: management"
                + " occupations are 7.2% of jobs (BLS OEWS 2025); CMRH 2015 typical sizes by layers 0/1/2/3:"
                + " 5/10/54/142.", chart);
    }

    /** Mean autonomy index by class, pooled over the last 12 months' samples. */
    static Named autonomy(double[] byClass) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (io.ownerscape.model.classes.PersonClass c : io.ownerscape.model.classes.PersonClass.values()) {
            if (c != io.ownerscape.model.classes.PersonClass.UNEMPLOYED) {
                labels.add(c.key());
                values.add(Double.isNaN(byClass[c.ordinal()]) ? 0.0 : byClass[c.ordinal()]);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Worker autonomy by class").xAxisTitle("class").yAxisTitle("autonomy index (0-1)").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(30);
        chart.addSeries("mean autonomy index", labels, values);
        return new Named("autonomy_by_class", "Mean autonomy index (exit, bargaining, protection and"
                + " ownership, equal weights; MODEL.md §7.11) of each class's employed persons, pooled over"
                + " the last 12 months' 1% samples; a class with no sampled person shows 0.", chart);
    }

    /** Employer firms by number of manager layers against CMRH 2015. */
    static Named layers(MonthlyMetrics last) {
        long[] firms = last.review().firmsByLayers();
        long total = 0;
        for (long f : firms) {
            total += f;
        }
        List<String> labels = List.of("0", "1", "2", "3+");
        List<Double> model = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            long count = 0;
            for (int j = k; j < (k == 3 ? firms.length : k + 1); j++) {
                count += firms[j];
            }
            model.add(total == 0 ? 0 : (double) count / total);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Employer firms by manager layers").xAxisTitle("layers of hired managers")
                .yAxisTitle("share of employer firms").build();
        style(chart.getStyler());
        chart.addSeries("model", labels, model);
        chart.addSeries("CMRH 2015 (French manufacturing)", labels, List.of(0.179, 0.276, 0.354, 0.191));
        return new Named("layers", "Share of employer firms with 0, 1, 2, 3+ layers of hired managers, final"
                + " month, against Caliendo, Monte & Rossi-Hansberg (2015), whose sample has few very small"
                + " firms: the comparison is of shape, not level.", chart);
    }

    /** The Lorenz curve of wealth. */
    static Named lorenz(double[] curve) {
        XYChart chart = base("Wealth: Lorenz curve", "share of persons (poorest first)", "share of wealth");
        double[] x = new double[curve.length];
        double[] equal = new double[curve.length];
        for (int k = 0; k < curve.length; k++) {
            x[k] = (double) k / (curve.length - 1);
            equal[k] = x[k];
        }
        chart.addSeries("model", x, curve).setMarker(SeriesMarkers.NONE);
        chart.addSeries("equal wealth", x, equal).setMarker(SeriesMarkers.NONE);
        return new Named("wealth_lorenz", "Share of total wealth held by the poorest share of persons, final"
                + " month; debts make the curve dip below zero.", chart);
    }

    private static XYChart base(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        // Below the plot, where it can hide no data; the CCDF moves it into its empty corner.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setMarkerSize(5);
        styler.setAntiAlias(true);
    }

    /** The chart as an SVG element, without the XML prolog, ready to inline in HTML. */
    public static String svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String s = out.toString(StandardCharsets.UTF_8);
        int at = s.indexOf("<svg");
        return at < 0 ? s : s.substring(at);
    }

    /**
     * Writes {@code dir/stem.svg} and {@code dir/stem.png}.
     *
     * @return the SVG element written, to inline in a page without drawing the chart again
     */
    public static String writeFiles(Named named, Path dir) throws IOException {
        String svg = svg(named.chart());
        Files.writeString(dir.resolve(named.stem() + ".svg"), svg);
        BitmapEncoder.saveBitmap(named.chart(), dir.resolve(named.stem() + ".png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        return svg;
    }
}
