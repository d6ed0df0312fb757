import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the web chat's HTTP path: many residents at once, each holding a whole Big Chat
 * (session, /start, consent, answers, skip about-you, opt in), every request timed.
 * Bounded by count and time; talks only to the loopback address it is given.
 *
 * Run with bench/webchat-load.sh, or: java bench/WebChatLoad.java http://127.0.0.1:7070 RESIDENTS CONCURRENCY
 */
public class WebChatLoad {

    static final AtomicInteger RESIDENT_ADDRESS = new AtomicInteger();
    static final Pattern SESSION = Pattern.compile("\"session\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern LAST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:7070";
        int residents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        if (!URI.create(base).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1\\]")) {
            throw new IllegalArgumentException("load is only ever sent to a loopback address");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();

        // warm up the JIT and connection pool so the figures describe steady state
        for (int i = 0; i < Math.min(20, residents); i++) converse(http, base, new ArrayList<>(), errors, deadline);
        errors.set(0);

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            running.add(pool.submit(() -> converse(http, base, latencies, errors, deadline)));
        }
        for (Future<?> f : running) f.get();
        long elapsed = System.nanoTime() - start;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = elapsed / 1e9;
        System.out.printf("residents=%d concurrency=%d requests=%d errors=%d time=%.1fs%n",
                residents, concurrency, sorted.size(), errors.get(), seconds);
        System.out.printf("throughput=%.0f requests/s (%.0f resident messages/s)%n",
                sorted.size() / seconds, (sorted.size() - residents) / seconds);
        System.out.printf("latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        if (errors.get() > 0) System.exit(1);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    /** One resident's whole conversation. */
    static void converse(HttpClient http, String base, List<Long> latencies, AtomicInteger errors, long deadline) {
        try {
            // each simulated resident on its own address, as behind the reverse proxy: the per-address
            // limit on new chats is for floods, not for this
            int n = RESIDENT_ADDRESS.incrementAndGet();
            String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
            String body = timed(http, latencies, HttpRequest.newBuilder(URI.create(base + "/chat/api/session"))
                    .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.noBody()).build());
            Matcher m = SESSION.matcher(body);
            if (!m.find()) throw new IllegalStateException("no session in " + body);
            String session = m.group(1);
            String[] turns = {
                "{\"text\":\"/start LOAD-TEST\"}",
                "{\"button\":{\"value\":\"consent:yes\",\"label\":\"Yes\"}}",
                "{\"text\":\"Walking by the canal and the Tuesday lunch club\"}",
                "{\"text\":\"The buses stop at seven and the GP phone line is always busy\"}",
                "{\"text\":\"nothing more to add\"}",
                "{\"text\":\"More buses in the evening please\"}",
                "{\"button\":{\"value\":\"about_you:skip\",\"label\":\"Skip\"}}",
                "{\"button\":{\"value\":\"optin:yes\",\"label\":\"Yes please\"}}",
            };
            long after = 0;
            for (String turn : turns) {
                if (System.nanoTime() > deadline) return;
                String json = turn.substring(0, turn.length() - 1)
                        + ",\"id\":\"" + UUID.randomUUID() + "\",\"after\":" + after + "}";
                String reply = timed(http, latencies, HttpRequest.newBuilder(URI.create(base + "/chat/api/messages"))
                        .header("Content-Type", "application/json").header("X-Chinwag-Session", session)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
                Matcher ids = LAST_ID.matcher(reply);
                while (ids.find()) after = Math.max(after, Long.parseLong(ids.group(1)));
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    static String timed(HttpClient http, List<Long> latencies, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - t0);
        if (response.statusCode() / 100 != 2) throw new IllegalStateException("HTTP " + response.statusCode());
        return response.body();
    }
}
