package cn.minzheng.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.TestDistrict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17's booking load, over real HTTP against the running server: 100 concurrent clients booking at the counter
 * API, then 1 000 at once for a date of 200 places. Prints p50/p95/p99 and throughput; asserts only correctness (no
 * overbooking, no server error), never a time. Not part of the build:
 *
 * <pre>./mvnw -pl app test -Dtest=BookingLoadBenchmark -Dminzheng.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "minzheng.benchmark", matches = "true")
class BookingLoadBenchmark {

    private static final int CLIENTS = 100;
    private static final int BOOKINGS_PER_CLIENT = 20;

    @LocalServerPort
    int port;

    @Autowired
    TestDistrict district;

    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(CLIENTS))
            .build();

    @Test
    void bookingsAtAHundredConcurrentClients() throws Exception {
        district.ensure();
        String bearer = "Bearer " + token();
        LocalDate today = LocalDate.now(clock);
        for (int d = 40; d < 50; d++) {
            send("PUT", "/api/v1/marriage/appointment-days/" + today.plusDays(d), "{\"capacity\": 5000}", bearer);
        }
        // warm-up: the first requests pay for class loading and the connection pool
        run(bearer, 10, 5, today.plusDays(40), 90_000);

        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            all.add(clients.submit(() -> {
                for (int i = 0; i < BOOKINGS_PER_CLIENT; i++) {
                    int n = client * BOOKINGS_PER_CLIENT + i;
                    LocalDate date = today.plusDays(40 + n % 10);
                    long t0 = System.nanoTime();
                    int status = send("POST", "/api/v1/marriage/appointments", json(date, n), bearer);
                    nanos.add(System.nanoTime() - t0);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        print("100 个并发客户端、每个 " + BOOKINGS_PER_CLIENT + " 次预约", nanos, seconds, statuses);
        assertThat(statuses.keySet()).containsOnly(201);

        // The contract's race: 1 000 at once for 200 places.
        LocalDate race = today.plusDays(55);
        send("PUT", "/api/v1/marriage/appointment-days/" + race, "{\"capacity\": 200}", bearer);
        Map<Integer, AtomicInteger> raceStatuses = run(bearer, 1000, 1, race, 50_000);
        System.out.println("1 000 个同时预约、200 个名额：" + raceStatuses);
        assertThat(raceStatuses.get(201)).hasValue(200);
        assertThat(raceStatuses.get(409)).hasValue(800);
    }

    private Map<Integer, AtomicInteger> run(String bearer, int clients, int each, LocalDate date, int firstCouple)
            throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, CLIENTS));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            all.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    int status = send(
                            "POST",
                            "/api/v1/marriage/appointments",
                            json(date, firstCouple + client * each + i),
                            bearer);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return statuses;
    }

    private static String json(LocalDate date, int n) {
        BookingRequest r = Couples.marriage(date, n);
        return Couples.json(date, "MARRIAGE", r.partyA().idNumber(), r.partyB().idNumber());
    }

    private static void print(String what, List<Long> nanos, double seconds, Map<Integer, AtomicInteger> statuses) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                "婚姻登记预约负载（%s）：%d 次，%.1f 秒，%.0f 次/秒；p50 %.1f ms，p95 %.1f ms，p99 %.1f ms，最大 %.1f ms；状态 %s%n",
                what,
                sorted.size(),
                seconds,
                sorted.size() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6,
                statuses);
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private int send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String token() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"t_officer\",\"password\":\"" + TestDistrict.PASSWORD + "\"}"))
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        assertThat(matcher.find()).as("token in " + body).isTrue();
        return matcher.group(1);
    }
}
