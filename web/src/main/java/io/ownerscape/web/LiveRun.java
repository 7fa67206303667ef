package io.ownerscape.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.engine.Schedule;
import io.ownerscape.experiment.ExperimentRun;
import io.ownerscape.experiment.RunOutcome;
import io.ownerscape.experiment.RunSpec;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.Economy;
import io.ownerscape.model.labour.LabourKeys;
import io.ownerscape.model.labour.LabourParameters;
import io.ownerscape.model.metrics.MetricsRecorder;
import io.ownerscape.model.ModelParameters;
import io.ownerscape.model.metrics.MonthlyMetrics;
import io.ownerscape.model.politics.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One simulation a browser watches and steers. It steps on its own thread, exactly as
 * {@code ownerscape run} steps a run, and appends each month to its {@link EventLog}. Commands
 * (start, pause, step, reset, speed) only set flags; a policy change waits at most for the month
 * in progress and then enters the model's policy schedule ({@code State.scheduleChange}), so the
 * run's history is a scenario that replays it exactly ({@link #scenarioYaml()}).
 *
 * <p>Two locks, never held together by the run thread: {@code control} guards the flags and
 * {@code economyLock} the economy, so a tab that pauses never waits for a month to finish, and
 * several tabs sending commands at once are serialised.
 */
final class LiveRun implements AutoCloseable {
    enum Status { BUILDING, PAUSED, RUNNING, FINISHED, FAILED, CLOSED }

    /**
     * A change of policy made from the dashboard.
     *
     * @param requestedAt   the month completed when it was asked for
     * @param effectiveFrom the first month under it
     * @param changes       policy key to value
     * @param time          when it was asked for
     */
    record PolicyChange(int requestedAt, int effectiveFrom, Map<String, Object> changes, Instant time) {
    }

    /** Most months one step command may ask for. */
    static final int MAX_STEP = 120;
    /** Fastest pace a person can ask for; 0 means as fast as the machine goes. */
    static final double MAX_MONTHS_PER_SECOND = 1000;
    /** Slowest pace but a pause. */
    static final double MIN_MONTHS_PER_SECOND = 0.01;

    final String id;
    final String name;
    final RunSettings settings;
    final String source;
    final Instant created = Instant.now();

    private final ParallelExecutor executor;
    private final Thread thread;
    private final EventLog log = new EventLog();

    private final Object control = new Object();
    private Status status = Status.BUILDING;
    private int stepsWanted;
    private boolean resetWanted;
    private boolean runAfterBuild;
    private boolean closed;
    private String error;
    private long lastStepStart;
    private long statusSequence;
    private volatile double monthsPerSecond;

    private final ReentrantLock economyLock = new ReentrantLock(true);
    private Economy economy;
    private Schedule<Economy> schedule;
    private MetricsRecorder recorder;
    private long activations;
    private double seconds;
    private final List<PolicyChange> changes = new ArrayList<>();
    /** The history as of its last change, for readers that must not wait for the economy. */
    private volatile List<PolicyChange> changesSnapshot = List.of();

    private volatile int month;
    private volatile Map<String, Object> inForce = Map.of();
    private volatile Map<Integer, Map<String, Object>> pending = Map.of();
    private volatile String platformInForce = "none";
    private volatile int nextChangeMonth = 1;

    LiveRun(String id, String name, String source, RunSettings settings) {
        this.id = id;
        this.name = name;
        this.source = source;
        this.settings = settings;
        this.executor = new ParallelExecutor(settings.threads());
        this.thread = new Thread(this::loop, "ownerscape-live-" + id);
        thread.setDaemon(true);
        publishStatus();
        thread.start();
    }

    EventLog log() {
        return log;
    }

    boolean closed() {
        synchronized (control) {
            return closed;
        }
    }

    // ---- commands ----

    /** Runs on until paused or the last month. */
    void start() {
        synchronized (control) {
            switch (status) {
                case BUILDING -> runAfterBuild = true;
                case PAUSED -> status = Status.RUNNING;
                case RUNNING -> { }
                case FINISHED -> throw finished();
                case FAILED, CLOSED -> throw notUsable();
            }
            control.notifyAll();
        }
        publishStatus();
    }

    void pause() {
        synchronized (control) {
            if (status == Status.RUNNING) {
                status = Status.PAUSED;
            }
            runAfterBuild = false;
            stepsWanted = 0;
            control.notifyAll();
        }
        publishStatus();
    }

    /** Pauses and steps {@code months} months, at most to the last month. */
    void step(int months) {
        if (months < 1 || months > MAX_STEP) {
            throw ApiException.badRequest("months = " + months + ": allowed 1 to " + MAX_STEP);
        }
        synchronized (control) {
            switch (status) {
                case FINISHED -> throw finished();
                case FAILED, CLOSED -> throw notUsable();
                default -> { }
            }
            if (status == Status.RUNNING) {
                status = Status.PAUSED;
            }
            runAfterBuild = false;
            stepsWanted = Math.min(stepsWanted + months, settings.months() - month);
            control.notifyAll();
        }
        publishStatus();
    }

    /** Back to month 0 with the same settings; the changes made from the dashboard are dropped. */
    void reset() {
        synchronized (control) {
            if (status == Status.CLOSED) {
                throw notUsable();
            }
            resetWanted = true;
            runAfterBuild = false;
            stepsWanted = 0;
            status = Status.BUILDING;
            error = null;
            control.notifyAll();
        }
        publishStatus();
    }

    /** The fastest pace, in months per second; 0 for as fast as possible. */
    void speed(double monthsPerSecond) {
        if (!(monthsPerSecond == 0 || (monthsPerSecond >= MIN_MONTHS_PER_SECOND && monthsPerSecond <= MAX_MONTHS_PER_SECOND))) {
            throw ApiException.badRequest("months_per_second = " + monthsPerSecond + ": allowed 0 (as fast as possible) or "
                    + MIN_MONTHS_PER_SECOND + " to " + (int) MAX_MONTHS_PER_SECOND);
        }
        this.monthsPerSecond = monthsPerSecond;
        synchronized (control) {
            control.notifyAll();
        }
        publishStatus();
    }

    /**
     * Changes policy from the next month the model allows ({@code State.nextChangeMonth}): values
     * are typed and bounded by the model's own rules, and the change is recorded in the run's
     * policy schedule and history.
     */
    PolicyChange change(JsonNode body) {
        Map<String, Object> typed = typedChanges(body);
        lockEconomy();
        try {
            synchronized (control) {
                if (status == Status.FINISHED) {
                    throw finished();
                }
                if (status == Status.BUILDING || status == Status.FAILED || status == Status.CLOSED || economy == null) {
                    throw ApiException.conflict("run " + id + " is " + status.name().toLowerCase()
                            + "; a policy can change once it is built");
                }
            }
            int requested = economy.month();
            if (economy.state().nextChangeMonth() > settings.months()) {
                throw ApiException.conflict("a change now would apply from month " + economy.state().nextChangeMonth()
                        + ", after the run's last month (" + settings.months() + ")");
            }
            int from;
            try {
                from = economy.state().scheduleChange(typed);
            } catch (IllegalArgumentException e) {
                // The model names the schedule's month; here the month is the one the change was for.
                throw ApiException.badRequest(e.getMessage().replaceAll("schedule\\.\\d+: ", "")
                        + " (a change from month " + economy.state().nextChangeMonth() + ")");
            }
            PolicyChange c = new PolicyChange(requested, from, Map.copyOf(typed), Instant.now());
            changes.add(c);
            changesSnapshot = List.copyOf(changes);
            snapshotRules();
            publishStatus();
            return c;
        } finally {
            economyLock.unlock();
        }
    }

    /** Policy keys to values of their type; the messages name the key, the value and what is allowed. */
    static Map<String, Object> typedChanges(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ApiException.badRequest("request body: expected a JSON object of policy keys to values, e.g."
                    + " {\"firing_cost\": 3}; policy keys: " + policyKeys());
        }
        if (body.size() > LabourParameters.POLICY_KEYS.size()) {
            throw ApiException.badRequest("request body: " + body.size() + " keys; allowed at most "
                    + LabourParameters.POLICY_KEYS.size());
        }
        Map<String, Object> typed = new TreeMap<>();
        var fields = body.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            if (!LabourParameters.POLICY_KEYS.contains(key)) {
                throw ApiException.badRequest("'" + RunRequest.shorten(key) + "': not a policy key; allowed: " + policyKeys());
            }
            JsonNode v = e.getValue();
            if (!(v.isNumber() || v.isBoolean())) {
                throw ApiException.badRequest(key + " = " + RunRequest.shorten(v.toString()) + ": expected "
                        + LabourKeys.describe(LabourKeys.type(key)));
            }
            try {
                typed.put(key, LabourKeys.parse(key, v.asText()));
            } catch (IllegalArgumentException bad) {
                throw ApiException.badRequest(bad.getMessage());
            }
        }
        return typed;
    }

    static String policyKeys() {
        return String.join(", ", new java.util.TreeSet<>(LabourParameters.POLICY_KEYS));
    }

    // ---- the run's thread ----

    private void loop() {
        boolean buildNext = true;
        while (true) {
            try {
                if (buildNext) {
                    buildNext = false;
                    build();
                }
                boolean reset;
                synchronized (control) {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        if (resetWanted || stepsWanted > 0) {
                            break;
                        }
                        if (status == Status.RUNNING) {
                            // The pace is read afresh each time round, so a change of pace counts at once.
                            double pace = monthsPerSecond;
                            long wait = pace <= 0 ? 0 : lastStepStart + (long) (1e9 / pace) - System.nanoTime();
                            if (wait <= 0) {
                                break;
                            }
                            control.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                            continue;
                        }
                        control.wait();
                    }
                    reset = resetWanted;
                    resetWanted = false;
                    if (!reset && stepsWanted > 0) {
                        stepsWanted--;
                    }
                    lastStepStart = System.nanoTime();
                }
                if (reset) {
                    log.reset();
                    buildNext = true;
                    continue;
                }
                stepOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // The run stays, failed, until it is reset or closed.
                synchronized (control) {
                    if (closed) {
                        return;
                    }
                    status = Status.FAILED;
                    stepsWanted = 0;
                    runAfterBuild = false;
                    error = t instanceof OutOfMemoryError
                            ? "out of memory: start the dashboard with more memory, or use fewer persons"
                            : t.getClass().getSimpleName() + ": " + t.getMessage();
                }
                publishStatus();
            }
        }
    }

    private void build() {
        lockEconomy();
        try {
            economy = null;
            schedule = null;
            recorder = null;
            Economy e = new Economy(settings.model(), settings.labour(), settings.platforms(), settings.ruling(),
                    settings.seed(), executor);
            e.state().schedule(settings.schedule());
            recorder = new MetricsRecorder();
            schedule = e.schedule().watch(recorder);
            economy = e;
            activations = 0;
            seconds = 0;
            changes.clear();
            changesSnapshot = List.of();
            snapshotRules();
            month = 0;
        } finally {
            economyLock.unlock();
        }
        synchronized (control) {
            if (status == Status.BUILDING && !resetWanted && !closed) {
                status = runAfterBuild ? Status.RUNNING : Status.PAUSED;
                runAfterBuild = false;
            }
        }
        publishStatus();
    }

    private void stepOnce() {
        String frame;
        String ccdf;
        lockEconomy();
        try {
            long t0 = System.nanoTime();
            schedule.step();
            seconds += (System.nanoTime() - t0) / 1e9;
            activations += economy.activations();
            MonthlyMetrics m = recorder.last();
            frame = Json.write(Frames.month(m));
            ccdf = Json.write(Frames.ccdf(recorder.lastDistribution()));
            // The rules first, the month last: a status that shows the new month shows its rules too.
            snapshotRules();
            month = economy.month();
        } finally {
            economyLock.unlock();
        }
        log.append(frame, ccdf);
        synchronized (control) {
            if (month >= settings.months() && (status == Status.RUNNING || status == Status.PAUSED)) {
                status = Status.FINISHED;
                stepsWanted = 0;
            }
        }
        publishStatus();
    }

    /** Called with the economy lock held. */
    private void snapshotRules() {
        Map<String, Object> rules = LabourKeys.toMap(economy.labour());
        Map<String, Object> policy = new TreeMap<>();
        for (String k : LabourParameters.POLICY_KEYS) {
            policy.put(k, rules.get(k));
        }
        inForce = policy;
        // Entries up to next month are in force already (the turn into it has been read).
        pending = Map.copyOf(new TreeMap<>(economy.state().policySchedule().tailMap(economy.month() + 2, true)));
        var ruling = economy.state().ruling();
        platformInForce = ruling == null ? "none" : ruling.name();
        nextChangeMonth = economy.state().nextChangeMonth();
    }

    private void lockEconomy() {
        try {
            if (!economyLock.tryLock(120, TimeUnit.SECONDS)) {
                throw new ApiException(503, "run " + id + " is busy; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
    }

    private ApiException finished() {
        return ApiException.conflict("run " + id + " reached its last month (" + settings.months()
                + "); reset it or start a new run");
    }

    private ApiException notUsable() {
        return ApiException.conflict("run " + id + " is " + status.name().toLowerCase()
                + (error == null ? "" : " (" + error + ")") + "; reset it or start a new run");
    }

    // ---- what the page reads ----

    /** Publishes the status to the log (and so to every watching tab). */
    private void publishStatus() {
        ObjectNode s = statusJson();
        log.status(Json.write(s), s.get("sequence").asLong());
    }

    ObjectNode statusJson() {
        ObjectNode s = Json.object();
        s.put("id", id);
        s.put("name", name);
        s.put("source", source);
        synchronized (control) {
            // Taken with the status, so that of two publications the later one wins (EventLog.status).
            s.put("sequence", ++statusSequence);
            s.put("status", status.name().toLowerCase());
            if (error != null) {
                s.put("error", error);
            }
            s.put("steps_pending", stepsWanted);
        }
        s.put("month", month);
        s.put("months", settings.months());
        s.put("persons", settings.model().persons());
        s.put("seed", settings.seed());
        s.put("preset", settings.preset().key());
        s.put("threads", settings.threads());
        s.put("months_per_second", monthsPerSecond);
        s.put("platform", platformInForce);
        s.put("next_change_month", nextChangeMonth);
        s.put("created", created.toString());
        ObjectNode levers = s.putObject("policy_in_force");
        inForce.forEach((k, v) -> levers.putPOJO(k, v));
        ArrayNode scheduled = s.putArray("policy_scheduled");
        new TreeMap<>(pending).forEach((from, values) -> {
            ObjectNode n = scheduled.addObject();
            n.put("effective_from", from);
            ObjectNode v = n.putObject("changes");
            new TreeMap<>(values).forEach(v::putPOJO);
        });
        ArrayNode history = s.putArray("policy_changes");
        for (PolicyChange c : changesSnapshot) {
            history.add(changeJson(c));
        }
        return s;
    }

    static ObjectNode changeJson(PolicyChange c) {
        ObjectNode n = Json.object();
        n.put("requested_at", c.requestedAt());
        n.put("effective_from", c.effectiveFrom());
        ObjectNode values = n.putObject("changes");
        c.changes().forEach(values::putPOJO);
        n.put("time", c.time().toString());
        return n;
    }


    /**
     * The run as a scenario file: its preset, persons, seed and rules, and a policy schedule with
     * every change made so far, up to the month reached. {@code ownerscape run --config} on it
     * gives this run again, month for month.
     */
    String scenarioYaml() {
        lockEconomy();
        try {
            int upTo = Math.max(1, economy == null ? 0 : economy.month());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("preset", settings.preset().key());
            doc.put("persons", settings.model().persons());
            doc.put("seed", settings.seed());
            doc.put("months", upTo);
            if (settings.burnIn() > 0) {
                doc.put("burn_in", Math.min(settings.burnIn(), upTo));
            }
            if (settings.ruling() != null && !settings.ruling().equals(settings.preset().ruling())) {
                doc.put("ruling_platform", settings.ruling());
            }
            doc.putAll(modelChanges(settings.model()));
            Map<String, Object> preset = LabourKeys.toMap(settings.preset().labour());
            LabourKeys.toMap(settings.labour()).forEach((k, v) -> {
                if (!v.equals(preset.get(k))) {
                    doc.put(k, v);
                }
            });
            Set<String> builtIn = Platform.builtIns().stream().map(Platform::name).collect(Collectors.toSet());
            Map<String, Object> platforms = new LinkedHashMap<>();
            for (Platform p : settings.platforms()) {
                if (!builtIn.contains(p.name())) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    if (!p.description().isEmpty()) {
                        body.put("description", p.description());
                    }
                    body.putAll(p.policy());
                    platforms.put(p.name(), body);
                }
            }
            if (!platforms.isEmpty()) {
                doc.put("platforms", platforms);
            }
            Map<Integer, Map<String, Object>> scheduled = economy == null ? settings.schedule()
                    : economy.state().policySchedule();
            // The change for the month after the last was read at the end of the last month: it is
            // part of the state reached, and a schedule may name it (RunSettings allows months + 1).
            Map<Integer, Map<String, Object>> upToNow = new TreeMap<>(scheduled).headMap(upTo + 1, true);
            if (!upToNow.isEmpty()) {
                doc.put("schedule", upToNow);
            }
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            String head = "# Dashboard run " + id + " (" + name.replaceAll("[\\r\\n]", " ") + ") to month " + upTo
                    + ".\n# `ownerscape run --config` on this file gives the same run, month for month;"
                    + "\n# the schedule holds every policy change made during it.\n";
            return head + yaml.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            economyLock.unlock();
        }
    }

    /** The model parameters that differ from the defaults for this many persons, under scenario keys. */
    private static Map<String, Object> modelChanges(ModelParameters m) {
        var declared = io.ownerscape.model.parameter.ParameterSet.of(ModelParameters.class);
        Map<String, Object> defaults = declared.toMap(ModelParameters.defaults(m.persons()));
        Map<String, Object> out = new LinkedHashMap<>();
        declared.toMap(m).forEach((key, v) -> {
            if (!key.equals("persons") && !v.equals(defaults.get(key))) {
                out.put(key, v);
            }
        });
        return out;
    }

    /**
     * What the store keeps of the run as it stands: its settings cut at the month reached (with
     * the schedule so far), measures and monthly rows, as an experiment run would give them.
     */
    RunOutcome outcome(int index) {
        lockEconomy();
        try {
            if (economy == null || economy.month() == 0) {
                throw ApiException.conflict("run " + id + " has no month to save yet; step it first");
            }
            int at = economy.month();
            // The month and the state hash name what is saved: saving the same state twice keeps
            // one row, and a run reset and stepped to the same month another way is a new one.
            String runId = id + "-m" + at + "-" + economy.stateHash();
            Map<Integer, Map<String, Object>> scheduled = new TreeMap<>(economy.state().policySchedule()).headMap(at + 1, true);
            RunSettings cut = new RunSettings(settings.model(), at, Math.min(settings.burnIn(), at), settings.seed(),
                    settings.threads(), false, settings.preset(), settings.labour(), settings.platforms(),
                    settings.ruling(), scheduled);
            SimulationRun.Simulated sim = SimulationRun.summarise(cut, economy, recorder, seconds, activations,
                    RunMetadata.current());
            return ExperimentRun.outcome(new RunSpec(index, runId, name, "live", 0, Map.of(), cut), sim);
        } finally {
            economyLock.unlock();
        }
    }

    /**
     * Stops the run: marks it closed at once (watchers are told), then waits for the month in
     * progress to end and frees the worker threads.
     */
    @Override
    public void close() {
        requestClose();
        awaitEnd();
    }

    /** Marks the run closed and tells its watchers; the month in progress still ends. */
    void requestClose() {
        synchronized (control) {
            if (closed) {
                return;
            }
            closed = true;
            status = Status.CLOSED;
            control.notifyAll();
        }
        // A build or month in progress stops at its next phase rather than running on unseen.
        executor.cancel();
        publishStatus();
    }

    /** Whether the run's thread still holds its economy (a closed run's ends soon after closing). */
    boolean alive() {
        return thread.isAlive();
    }

    /** Waits for the run's thread to end and frees its workers. */
    void awaitEnd() {
        try {
            thread.join(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            executor.close();
        }
    }
}
