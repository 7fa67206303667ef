package io.ownerscape.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.ownerscape.io.RunSettings;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.Preset;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's web server: the page, its JSON API and the live event streams. Start one with
 * {@link #start(Options)}; {@link #close()} stops it and every run it holds.
 *
 * <p>The API, all under {@code /api} (bodies are JSON; errors are {@code {"error": "..."}} with
 * a 4xx status naming the field, the value and what is allowed):
 * <ul>
 *   <li>{@code GET options}: presets, policy levers with their bounds, the frames' measures (name, type,
 *   unit, meaning, from {@code MonthlyMeasures.HEADLINE}), classes, limits;</li>
 *   <li>{@code GET runs}, {@code POST runs} (preset or scenario text, persons, seed, months,
 *       label), {@code GET|DELETE runs/{id}};</li>
 *   <li>{@code POST runs/{id}/start|pause|reset|step|speed|policy|save};</li>
 *   <li>{@code GET runs/{id}/frames?from=N}, {@code GET runs/{id}/monthly.csv},
 *       {@code GET runs/{id}/scenario.yaml}, and the event
 *       stream {@code GET runs/{id}/events} (events {@code frames}, {@code ccdf}, {@code status},
 *       {@code reset});</li>
 *   <li>{@code GET stored}, {@code GET stored/{store}/{run}},
 *       {@code GET stored/{store}/{run}/{table}.csv|.parquet}.</li>
 * </ul>
 * Requests that change something must be JSON and come from the page's own origin; on a
 * loopback address the Host header must name the loopback too, so other web sites cannot
 * reach the server through the browser.
 */
public final class DashboardServer implements AutoCloseable {

    /**
     * How to serve.
     *
     * @param host          the address to listen on (default 127.0.0.1)
     * @param port          the port, 0 for any free one (default 7070)
     * @param threadsPerRun worker threads of each live run (results do not depend on it)
     * @param dataDir       where saved runs go ({@code dashboard.duckdb})
     * @param stores        experiment stores to browse besides the dashboard's own
     * @param maxRuns       most live runs at once
     */
    public record Options(String host, int port, int threadsPerRun, Path dataDir, List<Path> stores, int maxRuns) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 7070;

        public Options {
            stores = List.copyOf(stores);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port " + port + ": allowed 0 (any free port) to 65535");
            }
            if (threadsPerRun < 1 || threadsPerRun > RunSettings.MAX_THREADS) {
                throw new IllegalArgumentException("--threads " + threadsPerRun + ": allowed 1 to " + RunSettings.MAX_THREADS);
            }
            if (maxRuns < 1 || maxRuns > 64) {
                throw new IllegalArgumentException("--max-runs " + maxRuns + ": allowed 1 to 64");
            }
            String why = unusableHost(host);
            if (why != null) {
                throw new IllegalArgumentException("--host " + RunRequest.shorten(String.valueOf(host)) + ": " + why
                        + "; allowed: an address of this machine (127.0.0.1, ::1, 0.0.0.0 for all, or one of its"
                        + " interfaces) or a name that resolves to one");
            }
        }

        /** Loopback, port 7070, all processors per run, {@code runs/dashboard}, 8 runs. */
        public static Options defaults() {
            return new Options(DEFAULT_HOST, DEFAULT_PORT, Runtime.getRuntime().availableProcessors(),
                    Path.of("runs", "dashboard"), List.of(), 8);
        }
    }

    /** Why this machine cannot listen on {@code host}, or null when it can. */
    static String unusableHost(String host) {
        if (host == null || host.isBlank()) {
            return "empty";
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return "not an address, and no such host name";
        }
        try {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || java.net.NetworkInterface.getByInetAddress(address) != null) {
                return null;
            }
        } catch (java.net.SocketException e) {
            return "cannot list this machine's interfaces (" + e.getMessage() + ")";
        }
        return "not an address of this machine (" + address.getHostAddress() + ")";
    }

    /** Largest request body, in bytes: room for a scenario file of 200,000 characters. */
    public static final long MAX_BODY_BYTES = 300_000;

    /**
     * The policy keys the dashboard offers as sliders, with the slider's reach and step (a choice of
     * presentation); what each means, its unit and what is allowed come from the parameter's
     * declaration ({@link io.ownerscape.model.parameter.Parameter}), and the slider must stay inside
     * the declared range (checked when the class loads).
     */
    private static final List<Lever> LEVERS = List.of(
            new Lever("ubi", "Basic income", 0, 1, 0.01),
            new Lever("firing_cost", "Firing cost", 0, 24, 0.5),
            new Lever("antitrust_cap", "Antitrust cap", 0.05, 1, 0.05),
            new Lever("startup_grant", "Start-up grant", 0, 1, 0.05),
            new Lever("nationalisation_rate", "Nationalisation pace", 0, 0.05, 0.001),
            new Lever("lock_in", "Lock-in", 0, 1, 1),
            new Lever("lock_in_threshold", "Lock-in threshold", 0, 1, 0.05));

    private record Lever(String key, String label, double min, double max, double step) {
        Lever {
            var declared = io.ownerscape.model.labour.LabourKeys.declarations().get(key);
            if (!declared.policy()) {
                throw new IllegalStateException("lever " + key + ": not a policy key");
            }
            if (declared.type() != boolean.class && !(declared.range().allows(min, k -> 0) && declared.range().allows(max, k -> 0))) {
                throw new IllegalStateException("lever " + key + ": slider " + min + " to " + max
                        + " leaves the declared range " + declared.range());
            }
        }

        /** The declaration's meaning and unit. */
        String help() {
            var d = io.ownerscape.model.labour.LabourKeys.declarations().get(key).declaration();
            return d.meaning() + (d.unit().isEmpty() ? "" : " (" + d.unit() + ")");
        }
    }

    private final Javalin app;
    private final LiveRuns runs;
    private final RunArchive archive;
    private final Options options;
    private final boolean loopback;

    private DashboardServer(Options options) {
        this.options = options;
        this.loopback = isLoopback(options.host());
        long budget = (long) (Runtime.getRuntime().maxMemory() * 0.6);
        this.runs = new LiveRuns(options.threadsPerRun(), options.maxRuns(), budget);
        this.archive = new RunArchive(options.dataDir(), options.stores());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // Requests and open event streams on virtual threads: hundreds of tabs cost no
            // operating-system thread each.
            config.concurrency.useVirtualThreads = true;
            config.staticFiles.add("/io/ownerscape/web/static", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            var r = config.routes;
            r.before(this::guard);
            r.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "request body larger than " + MAX_BODY_BYTES + " bytes" : e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> error(ctx, 500, e.getClass().getSimpleName() + ": " + e.getMessage()));
            r.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                    error(ctx, 404, "no such address: " + RunRequest.shorten(ctx.path()));
                }
            });
            r.get("/api/options", ctx -> json(ctx, options()));
            r.get("/api/runs", ctx -> {
                ArrayNode a = Json.array();
                runs.list().forEach(run -> a.add(run.statusJson()));
                json(ctx, a);
            });
            r.post("/api/runs", ctx -> {
                LiveRun run = runs.create(RunRequest.parse(body(ctx, true)));
                ctx.status(201);
                json(ctx, run.statusJson());
            });
            r.get("/api/runs/{id}", ctx -> json(ctx, run(ctx).statusJson()));
            r.delete("/api/runs/{id}", ctx -> {
                runs.remove(ctx.pathParam("id"));
                ctx.status(204);
            });
            r.post("/api/runs/{id}/start", ctx -> command(ctx, LiveRun::start));
            r.post("/api/runs/{id}/pause", ctx -> command(ctx, LiveRun::pause));
            r.post("/api/runs/{id}/reset", ctx -> command(ctx, LiveRun::reset));
            r.post("/api/runs/{id}/step", ctx -> {
                LiveRun run = run(ctx);
                JsonNode b = body(ctx, false);
                int months = 1;
                if (b != null && (!b.isObject() || b.size() > (b.has("months") ? 1 : 0))) {
                    throw ApiException.badRequest("request body: expected {\"months\": N}, N from 1 to " + LiveRun.MAX_STEP);
                }
                if (b != null && b.has("months")) {
                    JsonNode m = b.get("months");
                    if (!m.isIntegralNumber() || !m.canConvertToInt()) {
                        throw ApiException.badRequest("months = " + RunRequest.shorten(m.toString()) + ": allowed 1 to "
                                + LiveRun.MAX_STEP);
                    }
                    months = m.asInt();
                }
                run.step(months);
                json(ctx, run.statusJson());
            });
            r.post("/api/runs/{id}/speed", ctx -> {
                LiveRun run = run(ctx);
                JsonNode b = body(ctx, true);
                JsonNode v = b.get("months_per_second");
                if (v == null || !v.isNumber() || b.size() != 1) {
                    throw ApiException.badRequest("request body: expected {\"months_per_second\": X}, X 0 (as fast as"
                            + " possible) or " + LiveRun.MIN_MONTHS_PER_SECOND + " to " + (int) LiveRun.MAX_MONTHS_PER_SECOND);
                }
                run.speed(v.asDouble());
                json(ctx, run.statusJson());
            });
            r.post("/api/runs/{id}/policy", ctx -> {
                LiveRun run = run(ctx);
                LiveRun.PolicyChange c = run.change(body(ctx, true));
                json(ctx, LiveRun.changeJson(c));
            });
            r.post("/api/runs/{id}/save", ctx -> {
                LiveRun run = run(ctx);
                String stored = archive.save(run);
                ObjectNode n = Json.object();
                n.put("store", RunArchive.DASHBOARD);
                n.put("run_id", stored);
                json(ctx, n);
            });
            r.get("/api/runs/{id}/frames", ctx -> {
                LiveRun run = run(ctx);
                int from = 0;
                String q = ctx.queryParam("from");
                if (q != null) {
                    try {
                        from = Integer.parseInt(q);
                    } catch (NumberFormatException e) {
                        from = -1;
                    }
                    if (from < 0) {
                        throw ApiException.badRequest("from = " + RunRequest.shorten(q) + ": allowed a whole number from 0");
                    }
                }
                EventLog.View v = run.log().view();
                List<String> frames = run.log().frames(v.generation(), from, v.frames());
                ctx.contentType("application/json");
                ctx.result("{\"generation\":" + v.generation() + ",\"from\":" + from + ",\"frames\":["
                        + String.join(",", frames) + "],\"ccdf\":" + v.ccdf() + ",\"status\":" + v.status() + "}");
            });
            r.get("/api/runs/{id}/monthly.csv", ctx -> {
                LiveRun run = run(ctx);
                EventLog.View v = run.log().view();
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"dashboard-" + run.id + "-monthly.csv\"");
                ctx.result(Frames.csv(run.log().frames(v.generation(), 0, v.frames())));
            });
            r.get("/api/runs/{id}/scenario.yaml", ctx -> {
                LiveRun run = run(ctx);
                ctx.contentType("application/yaml; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"dashboard-" + run.id + ".yaml\"");
                ctx.result(run.scenarioYaml());
            });
            r.sse("/api/runs/{id}/events", this::stream);
            r.get("/api/stored", ctx -> json(ctx, archive.list()));
            r.get("/api/stored/{store}/{run}", ctx -> json(ctx, archive.run(ctx.pathParam("store"), ctx.pathParam("run"))));
            r.get("/api/stored/{store}/{run}/{file}", ctx -> {
                String file = ctx.pathParam("file");
                int dot = file.lastIndexOf('.');
                if (dot <= 0) {
                    throw ApiException.notFound("file '" + RunRequest.shorten(file) + "': allowed TABLE.csv or TABLE.parquet,"
                            + " TABLE one of " + String.join(", ", RunArchive.TABLES));
                }
                String table = file.substring(0, dot);
                String format = file.substring(dot + 1);
                byte[] bytes = archive.export(ctx.pathParam("store"), ctx.pathParam("run"), table, format);
                ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet");
                ctx.header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("run") + "-" + file + "\"");
                ctx.result(bytes);
            });
        });
    }

    /** Starts a server; the exception says what is wrong with the options or the port. */
    public static DashboardServer start(Options options) {
        DashboardServer s = new DashboardServer(options);
        try {
            s.app.start();
        } catch (RuntimeException e) {
            s.runs.close();
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + rootMessage(e), e);
        }
        return s;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ');
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** Whether it listens only on the loopback interface. */
    public boolean loopback() {
        return loopback;
    }

    @Override
    public void close() {
        runs.close();
        app.stop();
    }

    // ---- request plumbing ----

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:;"
                + " style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
        String host = ctx.host();
        if (loopback) {
            if (host == null || !isLoopbackHostHeader(host)) {
                throw new ApiException(403, "Host header '" + RunRequest.shorten(String.valueOf(host))
                        + "': this server answers only to its loopback address");
            }
        } else if (host == null || !isAddressHostHeader(host)) {
            // A name could be pointed at this address by any web site (DNS rebinding); an address cannot.
            throw new ApiException(403, "Host header '" + RunRequest.shorten(String.valueOf(host))
                    + "': reach this server by its IP address (or localhost), not by a name");
        }
        String method = ctx.method().name();
        if (method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) {
            // Read the body before any refusal: a response sent over an unread body makes the
            // server close the connection, which a client may be about to reuse. A body that
            // stops short of its Content-Length is answered 408 after Jetty's idle timeout (30 s).
            ctx.bodyAsBytes();
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equals("null")) {
                String originHost;
                try {
                    URI u = URI.create(origin);
                    originHost = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
                } catch (IllegalArgumentException e) {
                    originHost = "";
                }
                if (!originHost.equalsIgnoreCase(ctx.host())) {
                    throw new ApiException(403, "Origin '" + RunRequest.shorten(origin) + "': requests that change"
                            + " something must come from this dashboard's own page");
                }
            }
            if (method.equals("POST")) {
                String type = ctx.contentType();
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    throw new ApiException(415, "Content-Type '" + type + "': allowed application/json");
                }
            }
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackHostHeader(String hostHeader) {
        String h = hostHeader;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1");
    }

    /** Whether a Host header names an IP address or localhost, with or without a port. */
    static boolean isAddressHostHeader(String hostHeader) {
        String h = hostHeader;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).matches("[0-9A-Fa-f:.]+");
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private LiveRun run(Context ctx) {
        return runs.get(ctx.pathParam("id"));
    }

    private void command(Context ctx, java.util.function.Consumer<LiveRun> action) {
        LiveRun run = run(ctx);
        action.accept(run);
        json(ctx, run.statusJson());
    }

    private static JsonNode body(Context ctx, boolean required) {
        String text = ctx.body();
        if (text.isBlank()) {
            if (required) {
                throw ApiException.badRequest("request body: expected a JSON object");
            }
            return null;
        }
        try {
            return Json.STRICT.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("request body: not one JSON value with distinct keys ("
                    + RunRequest.shorten(String.valueOf(e.getOriginalMessage())) + ")");
        }
    }

    private static void json(Context ctx, Object node) {
        ctx.contentType("application/json");
        ctx.result(Json.write(node));
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        ObjectNode n = Json.object();
        n.put("error", message);
        json(ctx, n);
    }

    private ObjectNode options() {
        ObjectNode o = Json.object();
        ArrayNode presets = o.putArray("presets");
        for (Preset p : Preset.values()) {
            ObjectNode n = presets.addObject();
            n.put("key", p.key());
            n.put("description", p.description());
            n.put("ruling_platform", p.ruling() == null ? "none" : p.ruling());
        }
        ArrayNode levers = o.putArray("levers");
        for (Lever l : LEVERS) {
            ObjectNode n = levers.addObject();
            n.put("key", l.key());
            n.put("label", l.label());
            n.put("kind", io.ownerscape.model.labour.LabourKeys.type(l.key()) == boolean.class ? "boolean" : "number");
            n.put("min", l.min());
            n.put("max", l.max());
            n.put("step", l.step());
            n.put("help", l.help());
        }
        ArrayNode measures = o.putArray("measures");
        for (io.ownerscape.model.measure.Measure m : io.ownerscape.model.measure.MonthlyMeasures.HEADLINE.columns()) {
            if (m == io.ownerscape.model.measure.MonthlyMeasures.BURN_IN) {
                continue;
            }
            ObjectNode n = measures.addObject();
            n.put("name", m.name());
            n.put("type", m.kind().name());
            n.put("unit", m.unit());
            n.put("meaning", m.meaning());
        }
        ArrayNode keys = o.putArray("policy_keys");
        new java.util.TreeSet<>(LabourParameters.POLICY_KEYS).forEach(keys::add);
        o.set("classes", Frames.classKeys());
        ObjectNode limits = o.putObject("limits");
        limits.put("persons_min", RunRequest.MIN_PERSONS);
        limits.put("persons_max", RunRequest.MAX_PERSONS);
        limits.put("persons_default", RunRequest.DEFAULT_PERSONS);
        limits.put("months_default", RunRequest.DEFAULT_MONTHS);
        limits.put("months_max", RunSettings.MAX_MONTHS);
        limits.put("max_step", LiveRun.MAX_STEP);
        limits.put("max_runs", options.maxRuns());
        limits.put("max_months_per_second", LiveRun.MAX_MONTHS_PER_SECOND);
        limits.put("max_body_bytes", MAX_BODY_BYTES);
        ArrayNode tables = o.putArray("tables");
        RunArchive.TABLES.forEach(tables::add);
        ArrayNode stores = o.putArray("stores");
        archive.sources().forEach(s -> stores.add(s.name()));
        return o;
    }

    // ---- the event stream ----

    /** Most frames sent in one event; a tab that falls behind catches up in such batches. */
    static final int BATCH = 240;

    private void stream(SseClient client) {
        LiveRun run;
        try {
            run = runs.get(client.ctx().pathParam("id"));
        } catch (ApiException e) {
            client.sendEvent("failure", Json.write(Json.object().put("error", e.getMessage())));
            client.close();
            return;
        }
        client.keepAlive();
        // A tab that goes away wakes its feeder at once rather than at the next keep-alive.
        client.onClose(() -> run.log().wakeReaders());
        // A virtual thread per tab: a waiting feeder holds no operating-system thread.
        Thread.ofVirtual().name("ownerscape-events-" + run.id).start(() -> feed(client, run));
    }

    /** Sends a tab everything it has not seen, from its own cursor, until it goes away. */
    private static void feed(SseClient client, LiveRun run) {
        long seen = Long.MIN_VALUE;
        int generation = -1;
        int next = 0;
        String lastStatus = null;
        String lastCcdf = null;
        try {
            // Every connection starts from month 1: a tab that reconnects forgets what it had.
            client.sendEvent("reset", "{}");
            while (!client.terminated()) {
                EventLog.View v = run.log().await(seen, 15_000);
                if (client.terminated()) {
                    break;
                }
                if (v.version() == seen) {
                    client.sendComment("keep-alive");
                    continue;
                }
                seen = v.version();
                if (v.generation() != generation) {
                    if (generation >= 0) {
                        client.sendEvent("reset", "{}");
                    }
                    generation = v.generation();
                    next = 0;
                    lastCcdf = null;
                }
                List<String> frames = run.log().frames(generation, next, next + BATCH);
                if (!frames.isEmpty()) {
                    client.sendEvent("frames", "[" + String.join(",", frames) + "]");
                    next += frames.size();
                    if (next < v.frames()) {
                        seen = Long.MIN_VALUE;
                    }
                }
                if (!v.ccdf().equals(lastCcdf)) {
                    client.sendEvent("ccdf", v.ccdf());
                    lastCcdf = v.ccdf();
                }
                if (!v.status().equals(lastStatus)) {
                    client.sendEvent("status", v.status());
                    lastStatus = v.status();
                }
                if (run.closed()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException gone) {
            // The tab went away mid-send; nothing to clean but the connection.
        } finally {
            client.close();
        }
    }
}
