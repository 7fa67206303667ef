package io.ownerscape.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ownerscape.engine.ParallelExecutor;
import io.ownerscape.io.RunMetadata;
import io.ownerscape.io.RunSettings;
import io.ownerscape.io.SimulationRun;
import io.ownerscape.model.metrics.MetricsRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The dashboard's HTTP API: runs, commands, policy changes, events, stores, and every refusal. */
class DashboardApiTest {
    @TempDir
    static Path data;

    static DashboardServer server;
    static HttpClient http;
    static String base;

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    @BeforeAll
    static void start() {
        server = DashboardServer.start(new DashboardServer.Options("127.0.0.1", 0, 2, data, List.of(), 4));
        // HTTP/1.1 as a browser speaks it to an http:// address (the JDK client would otherwise
        // open each connection with an h2c upgrade, which this server does not take).
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        base = "http://127.0.0.1:" + server.port() + "/api";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    static Reply post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    static byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    static String create(String json) throws Exception {
        Reply r = post("/runs", json);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    /** Polls the run until its status satisfies the test, for at most a minute. */
    static JsonNode await(String id, java.util.function.Predicate<JsonNode> until, String what) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode s = null;
        while (System.nanoTime() < end) {
            s = get("/runs/" + id).json();
            if (until.test(s)) {
                return s;
            }
            Thread.sleep(50);
        }
        fail("run " + id + " never " + what + "; last status " + s);
        return s;
    }

    static void delete(String id) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/runs/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void optionsDescribePresetsLeversAndLimits() throws Exception {
        JsonNode o = get("/options").json();
        assertEquals(6, o.get("presets").size());
        List<String> levers = new ArrayList<>();
        o.get("levers").forEach(l -> levers.add(l.get("key").asText()));
        assertEquals(List.of("ubi", "firing_cost", "antitrust_cap", "startup_grant", "nationalisation_rate", "lock_in",
                "lock_in_threshold"), levers);
        assertEquals("boolean", o.get("levers").get(5).get("kind").asText());
        assertEquals(1_000_000, o.get("limits").get("persons_max").asInt());
        assertEquals(8, o.get("classes").size());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("echarts.min.js"), "the page loads the charting library");
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/webjars/echarts/5.3.1/dist/echarts.min.js")).build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                "ECharts is served from its WebJar");
    }

    @Test
    void badRunRequestsAreRefusedWithTheFieldTheValueAndWhatIsAllowed() throws Exception {
        Reply r = post("/runs", "{\"persons\": 2000000}");
        assertEquals(400, r.status());
        assertEquals("persons = 2000000: allowed a whole number from 100 to 1,000,000", r.error());
        assertEquals("preset = 'nope': allowed axtell, market, managerial-capitalism, centralisation, distributism,"
                + " open-politics", post("/runs", "{\"preset\": \"nope\"}").error());
        assertTrue(post("/runs", "{\"people\": 5}").error().startsWith("unknown field 'people'; allowed: label, months,"),
                "unknown fields are named");
        assertEquals("seed = -1: allowed a whole number from 0 to 9223372036854775807",
                post("/runs", "{\"seed\": -1}").error());
        assertEquals("months = 1.5: allowed a whole number from 1 to 12,000", post("/runs", "{\"months\": 1.5}").error());
        assertTrue(post("/runs", "{\"preset\": \"market\", \"scenario\": \"persons: 100\"}").error()
                .startsWith("preset and scenario: give one of them"));
        assertTrue(post("/runs", "{not json").error().startsWith("request body: not one JSON value"));

        Reply yaml = post("/runs", "{\"scenario\": \"persons: 1000\\nfiring_cost: lots\\n\", \"scenario_name\": \"mine.yaml\"}");
        assertEquals(400, yaml.status());
        assertTrue(yaml.error().startsWith("mine.yaml:2:"), "a scenario error names the file's own name and line: "
                + yaml.error());
        assertTrue(yaml.error().contains("firing_cost"), yaml.error());
        Reply range = post("/runs", "{\"scenario\": \"ubi: 7\\n\"}");
        assertTrue(range.error().contains("ubi = 7.0"), range.error());
        Reply outside = post("/runs", "{\"scenario\": \"extends: /etc/passwd\\n\"}");
        assertEquals(400, outside.status());
        assertTrue(outside.error().contains("extends '/etc/passwd': here only a preset is allowed"), outside.error());
        Reply persons = post("/runs", "{\"scenario\": \"persons: 5\\n\"}");
        assertEquals("persons = 5 (from the scenario): allowed a whole number from 100 to 1,000,000", persons.error());
    }

    @Test
    void requestsFromElsewhereOrTooLargeAreRefused() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/runs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("persons=100")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode(), "a cross-site form cannot post: only JSON is taken");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/runs"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        String big = "{\"scenario\": \"" + "#".repeat((int) DashboardServer.MAX_BODY_BYTES) + "\"}";
        // Its own client: the server closes a connection whose body it refused to read.
        HttpResponse<String> tooBig = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode(), tooBig.body());
        assertTrue(tooBig.body().contains("larger than " + DashboardServer.MAX_BODY_BYTES + " bytes"), tooBig.body());

        // A page of another site that resolves its own name to 127.0.0.1 sends its own Host.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/runs HTTP/1.1\r\nHost: evil.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine.contains(" 403"), statusLine);
        }
        assertEquals(404, get("/runs/0123abcd").status());
        assertEquals("no live run '0123abcd'; GET /api/runs lists them", get("/runs/0123abcd").error());
        assertEquals(404, get("/nothing-here").status());
    }

    @Test
    void aRunStepsChangesPolicyAndReplaysExactlyFromItsScenario() throws Exception {
        String id = create("{\"preset\": \"centralisation\", \"persons\": 2000, \"seed\": 5, \"months\": 40,"
                + " \"label\": \"api test\"}");
        try {
            await(id, s -> s.get("status").asText().equals("paused"), "was built");
            assertEquals(400, post("/runs/" + id + "/step", "{\"months\": 0}").status());
            assertEquals("months = 500: allowed 1 to 120", post("/runs/" + id + "/step", "{\"months\": 500}").error());
            assertEquals(200, post("/runs/" + id + "/step", "{\"months\": 3}").status());
            await(id, s -> s.get("month").asInt() == 3, "reached month 3");

            Reply change = post("/runs/" + id + "/policy", "{\"firing_cost\": 4, \"ubi\": 0.05}");
            assertEquals(200, change.status(), change.body());
            assertEquals(5, change.json().get("effective_from").asInt(), "from the month after next");
            assertEquals("firing_cost = 500.0: allowed 0.0 to 120.0 (a change from month 5)",
                    post("/runs/" + id + "/policy", "{\"firing_cost\": 500}").error());
            assertEquals("ubi = \"much\": expected a number", post("/runs/" + id + "/policy", "{\"ubi\": \"much\"}").error());
            assertEquals("lock_in = '1': expected true or false", post("/runs/" + id + "/policy", "{\"lock_in\": 1}").error());
            assertTrue(post("/runs/" + id + "/policy", "{\"persons\": 3}").error().startsWith("'persons': not a policy key"));
            assertEquals("months_per_second = 5000.0: allowed 0 (as fast as possible) or 0.01 to 1000",
                    post("/runs/" + id + "/speed", "{\"months_per_second\": 5000}").error());

            post("/runs/" + id + "/step", "{\"months\": 10}");
            JsonNode s = await(id, x -> x.get("month").asInt() == 13, "reached month 13");
            assertEquals(4.0, s.get("policy_in_force").get("firing_cost").asDouble(), 0, "the change is in force");
            assertEquals(1, s.get("policy_changes").size(), "and in the run's history");

            assertEquals(200, post("/runs/" + id + "/start", "{}").status());
            await(id, x -> x.get("status").asText().equals("finished"), "finished");
            Reply again = post("/runs/" + id + "/start", "{}");
            assertEquals(409, again.status());
            assertTrue(again.error().contains("reached its last month (40)"), again.error());

            JsonNode frames = get("/runs/" + id + "/frames").json().get("frames");
            assertEquals(40, frames.size());
            for (int k = 0; k < 40; k++) {
                assertEquals(k + 1, frames.get(k).get("month").asInt(), "every month once, in order");
            }
            assertEquals(2, get("/runs/" + id + "/frames?from=38").json().get("frames").size());
            String[] live = get("/runs/" + id + "/monthly.csv").body().split("\n");
            assertEquals(41, live.length, "a header and a line per month");
            assertTrue(live[0].startsWith("month,firms,employer_firms,") && live[0].endsWith(",autonomy.unemployed"), live[0]);
            int width = Frames.CSV_COLUMNS.size() + 16;
            assertEquals(20, Frames.CSV_COLUMNS.size(), "the headline series without burn_in");
            assertEquals(width, live[0].split(",").length);
            assertTrue(live[40].startsWith("40,"), live[40]);
            assertEquals(width, live[40].split(",", -1).length, "every line as wide as the header");

            Reply saved = post("/runs/" + id + "/save", "{}");
            assertEquals(200, saved.status(), saved.body());
            String runId = saved.json().get("run_id").asText();
            JsonNode stored = get("/stored/dashboard/" + runId).json();
            String liveHash = stored.get("run").get("state_hash").asText();
            assertEquals(40, stored.get("monthly").get("month").size());
            assertEquals("api test", stored.get("run").get("scenario").asText());

            String yaml = get("/runs/" + id + "/scenario.yaml").body();
            assertTrue(yaml.contains("firing_cost: 4.0"), yaml);
            assertEquals(liveHash, replayHash(yaml), "the scenario file replays the live run exactly, on another thread count");

            String csv = new String(bytes("/stored/dashboard/" + runId + "/monthly.csv"), StandardCharsets.UTF_8);
            String[] lines = csv.split("\n");
            assertTrue(lines[0].startsWith("run_id,month,burn_in,firms"), lines[0]);
            assertEquals(41, lines.length, "a header and one line per month");
            byte[] parquet = bytes("/stored/dashboard/" + runId + "/votes_by_class.parquet");
            assertEquals("PAR1", new String(parquet, 0, 4, StandardCharsets.US_ASCII));
            assertEquals(404, get("/stored/dashboard/" + runId + "/secrets.csv").status());
            assertEquals(404, get("/stored/dashboard/" + runId + "/monthly.xlsx").status());
            assertEquals(404, get("/stored/dashboard/..%2F..%2Fetc%2Fpasswd/monthly.csv").status());
            assertEquals(404, get("/stored/elsewhere/" + runId).status());
        } finally {
            delete(id);
        }
        assertEquals(404, get("/runs/" + id).status(), "a closed run is gone");
    }

    /** The state hash of the settings' run, simulated afresh on one thread. */
    static String replayHash(String scenarioYaml) {
        RunSettings replay = new RunRequest(null, scenarioYaml, "replay.yaml", null, null, null, null).settings(1);
        try (ParallelExecutor ex = new ParallelExecutor(1)) {
            return SimulationRun.simulate(replay, ex, new MetricsRecorder(), null, (d, t, m) -> { },
                    RunMetadata.current()).stateHash();
        }
    }

    @Test
    void aRunSavedRightAfterAChangeWasReadReplaysAndEndsCleanly() throws Exception {
        String id = create("{\"preset\": \"market\", \"persons\": 1000, \"seed\": 2, \"months\": 8}");
        try {
            await(id, s -> s.get("status").asText().equals("paused"), "was built");
            post("/runs/" + id + "/step", "{\"months\": 3}");
            await(id, s -> s.get("month").asInt() == 3, "reached month 3");
            assertEquals(5, post("/runs/" + id + "/policy", "{\"ubi\": 0.2}").json().get("effective_from").asInt());
            post("/runs/" + id + "/step", "{}");
            // Month 4 has ended: the change for month 5 has been read and is part of the state.
            JsonNode s = await(id, x -> x.get("month").asInt() == 4, "reached month 4");
            assertEquals(0.2, s.get("policy_in_force").get("ubi").asDouble(), 0);
            String yaml = get("/runs/" + id + "/scenario.yaml").body();
            assertTrue(yaml.contains("months: 4") && yaml.contains("5:"), yaml);
            String stored = post("/runs/" + id + "/save", "{}").json().get("run_id").asText();
            assertTrue(stored.startsWith(id + "-m4-"), stored);
            assertEquals(get("/stored/dashboard/" + stored).json().get("run").get("state_hash").asText(), replayHash(yaml));
            assertEquals(stored, post("/runs/" + id + "/save", "{}").json().get("run_id").asText(), "saved once");

            assertEquals("request body: expected {\"months\": N}, N from 1 to 120",
                    post("/runs/" + id + "/step", "{\"month\": 2}").error());
            assertTrue(post("/runs/" + id + "/speed", "{\"months_per_second\": 0.001}").error()
                    .startsWith("months_per_second = 0.001: allowed 0 (as fast as possible) or 0.01 to 1000"));
            post("/runs/" + id + "/step", "{\"months\": 3}");
            await(id, x -> x.get("month").asInt() == 7, "reached month 7");
            Reply late = post("/runs/" + id + "/policy", "{\"ubi\": 0.3}");
            assertEquals(409, late.status());
            assertEquals("a change now would apply from month 9, after the run's last month (8)", late.error());
            assertEquals(0, get("/runs/" + id).json().get("policy_scheduled").size(), "a refused change is not kept");
        } finally {
            delete(id);
        }
    }

    @Test
    void severalTabsAtOnceDoNotCorruptARun() throws Exception {
        String id = create("{\"preset\": \"market\", \"persons\": 1500, \"seed\": 11, \"months\": 1200}");
        try {
            await(id, s -> s.get("status").asText().equals("paused"), "was built");
            post("/runs/" + id + "/speed", "{\"months_per_second\": 200}");
            ExecutorService tabs = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            for (int t = 0; t < 4; t++) {
                done.add(tabs.submit(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        switch (rnd.nextInt(5)) {
                            case 0 -> post("/runs/" + id + "/start", "{}");
                            case 1 -> post("/runs/" + id + "/pause", "{}");
                            case 2 -> post("/runs/" + id + "/step", "{\"months\": 2}");
                            case 3 -> post("/runs/" + id + "/policy", "{\"firing_cost\": " + rnd.nextInt(10) + "}");
                            default -> get("/runs/" + id + "/frames?from=0");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            tabs.shutdown();
            post("/runs/" + id + "/pause", "{}");
            JsonNode s = await(id, x -> x.get("steps_pending").asInt() == 0
                    && x.get("status").asText().equals("paused"), "came to rest");
            int month = s.get("month").asInt();
            assertTrue(month > 0, "the run advanced");
            JsonNode frames = get("/runs/" + id + "/frames").json().get("frames");
            assertEquals(month, frames.size(), "one frame per month");
            for (int k = 0; k < month; k++) {
                assertEquals(k + 1, frames.get(k).get("month").asInt());
            }
            String stored = post("/runs/" + id + "/save", "{}").json().get("run_id").asText();
            String liveHash = get("/stored/dashboard/" + stored).json().get("run").get("state_hash").asText();
            assertEquals(liveHash, replayHash(get("/runs/" + id + "/scenario.yaml").body()),
                    "the history of changes from four tabs replays exactly");
        } finally {
            delete(id);
        }
    }

    @Test
    void eventsStreamMonthsAndResets() throws Exception {
        String id = create("{\"preset\": \"market\", \"persons\": 1000, \"months\": 100}");
        try {
            await(id, s -> s.get("status").asText().equals("paused"), "was built");
            HttpResponse<java.util.stream.Stream<String>> events = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/runs/" + id + "/events")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, events.statusCode());
            post("/runs/" + id + "/step", "{\"months\": 4}");
            var lines = events.body().iterator();
            int months = 0;
            boolean status = false;
            String event = "";
            while (months < 4 || !status) {
                String line = lines.next();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && event.equals("frames")) {
                    months += Json.MAPPER.readTree(line.substring(6)).size();
                } else if (line.startsWith("data: ") && event.equals("status")) {
                    status = true;
                }
            }
            assertEquals(4, months, "the four months arrived as frames");
            post("/runs/" + id + "/reset", "{}");
            boolean reset = false;
            while (!reset) {
                reset = lines.next().equals("event: reset");
            }
            await(id, s -> s.get("status").asText().equals("paused") && s.get("month").asInt() == 0, "was rebuilt");
            assertEquals(0, get("/runs/" + id + "/frames").json().get("frames").size());
            events.body().close();
        } finally {
            delete(id);
        }
    }

    @Test
    void offTheLoopbackOnlyAddressesAreTakenAsHost() {
        // A name could be pointed at the server by any web site (DNS rebinding); an address cannot.
        for (String ok : List.of("192.168.1.20:7070", "10.0.0.5", "localhost:7070", "[fe80::1]:7070", "[::1]")) {
            assertTrue(DashboardServer.isAddressHostHeader(ok), ok);
        }
        for (String bad : List.of("evil.example:7070", "evil.example", "192.168.1.20.evil.example", "[evil]:80", "")) {
            assertFalse(DashboardServer.isAddressHostHeader(bad), bad);
        }
        assertTrue(DashboardServer.isLoopback("127.0.0.1"));
        assertFalse(DashboardServer.isLoopback("0.0.0.0"));
    }

    @Test
    void theServerRefusesRunsBeyondItsRoom() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            for (int k = 0; k < 4; k++) {
                ids.add(create("{\"persons\": 100, \"months\": 10}"));
            }
            Reply fifth = post("/runs", "{\"persons\": 100}");
            assertEquals(409, fifth.status());
            assertEquals("4 runs are open; allowed at most 4; close one first", fifth.error());
        } finally {
            for (String id : ids) {
                delete(id);
            }
        }
        assertFalse(get("/runs").json().elements().hasNext(), "closing frees the room");
    }

    @Test
    void bodiesMustBeOneJsonValueWithDistinctKeys() throws Exception {
        Reply trailing = post("/runs", "{\"persons\": 100} {\"persons\": 200}");
        assertEquals(400, trailing.status(), trailing.body());
        assertTrue(trailing.error().startsWith("request body: not one JSON value with distinct keys"), trailing.error());
        Reply garbage = post("/runs", "{\"persons\": 100} trailing");
        assertEquals(400, garbage.status(), garbage.body());
        Reply twice = post("/runs", "{\"persons\": 100, \"persons\": 200}");
        assertEquals(400, twice.status(), twice.body());
        assertTrue(twice.error().contains("Duplicate field 'persons'"), twice.error());
        assertFalse(get("/runs").json().elements().hasNext(), "nothing was created");
    }

    @Test
    void aBodyShorterThanItsLengthIsAnsweredNotLeftHanging() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100\r\n\r\n{\"persons\": 1").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.contains(" 408"), String.valueOf(statusLine));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(45).toNanos(), "answered after the idle timeout");
        }
        assertFalse(get("/runs").json().elements().hasNext(), "nothing was created");
    }

    @Test
    void eventStreamsHoldNoOperatingSystemThreadEach() throws Exception {
        String id = create("{\"persons\": 200, \"months\": 10}");
        List<Socket> tabs = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            await(id, st -> st.get("status").asText().equals("paused"), "was built");
            int before = threads.getThreadCount();
            for (int k = 0; k < 150; k++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("GET /api/runs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                tabs.add(s);
            }
            for (Socket s : tabs) {
                s.setSoTimeout(30_000);
                String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertTrue(statusLine.contains(" 200"), statusLine);
            }
            int during = threads.getThreadCount();
            assertTrue(during - before < 15, "150 open streams added " + (during - before) + " platform threads");
        } finally {
            for (Socket s : tabs) {
                s.close();
            }
            delete(id);
        }
    }
}
