package cn.minzheng.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Issue 14 C14: staff of the demo district working at once — each signs in with the form (as a browser does), then
 * loops over a read-mostly mix with 1–3 s of think time: the to-do list, resident search by name, pinyin and ID
 * digits, resident and household pages, applications and cases, payment rolls, statistics, the supervision board and
 * verification requests, plus a small share of writes (street officers register 低保 applications). Gatling prints
 * p50/p95/p99 per request, throughput and errors at the end.
 *
 * <p>Run by {@code bin/load-test} against a running platform with the demo district. System properties: {@code base}
 * (default http://127.0.0.1:8080), {@code users} (50), {@code rampSeconds} (30), {@code minutes} (3), {@code password}
 * (the demo accounts' password, MINZHENG_DEMO_PASSWORD).
 */
public class StaffSimulation extends Simulation {

    private static final String BASE = System.getProperty("base", "http://127.0.0.1:8080");
    private static final int USERS = Integer.getInteger("users", 50);
    private static final int RAMP = Integer.getInteger("rampSeconds", 30);
    private static final int MINUTES = Integer.getInteger("minutes", 3);
    private static final String PASSWORD = System.getProperty("password", "");

    private static final List<String> STREETS = Stream.of(1, 2, 3, 4, 5, 6, 7, 8)
            .map(n -> String.format("6101130%02d", n))
            .toList();
    private static final String[] NAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang"};
    private static final String[] DIGITS = {"6101", "1958", "1962", "1975", "1980", "1990"};

    /** Who signs in: the district's officers and leader, every street's officer, and community workers. */
    private static Iterator<Map<String, Object>> staff() {
        List<String[]> accounts = new ArrayList<>();
        accounts.add(new String[] {"qu_jingban", "district"});
        accounts.add(new String[] {"qu_jingban2", "district"});
        accounts.add(new String[] {"quju_lingdao", "leader"});
        for (String street : STREETS) {
            accounts.add(new String[] {"jiedao_" + street, "street"});
        }
        for (String street : STREETS) {
            for (int c = 1; c <= 8; c++) {
                accounts.add(new String[] {"shequ_" + street + String.format("%03d", c), "community"});
            }
        }
        AtomicInteger next = new AtomicInteger();
        return Stream.generate((Supplier<Map<String, Object>>) () -> {
                    String[] a = accounts.get(next.getAndIncrement() % accounts.size());
                    return Map.<String, Object>of("username", a[0], "role", a[1]);
                })
                .iterator();
    }

    private static Iterator<Map<String, Object>> searches() {
        return Stream.generate((Supplier<Map<String, Object>>) () -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String[] pool = switch (r.nextInt(3)) {
                        case 0 -> NAMES;
                        case 1 -> PINYIN;
                        default -> DIGITS;
                    };
                    return Map.<String, Object>of("q", pool[r.nextInt(pool.length)]);
                })
                .iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .disableFollowRedirect() // a redirect is checked as the answer it is (to the login page = signed out)
            .shareConnections();

    private static ChainBuilder think() {
        return pause(Duration.ofMillis(1000), Duration.ofMillis(3000));
    }

    private final ChainBuilder signIn = exec(http("登录页")
                    .get("/login")
                    .check(status().is(200))
                    .check(regex("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").saveAs("csrf")))
            .exec(http("登录")
                    .post("/login")
                    .formParam("username", "#{username}")
                    .formParam("password", PASSWORD)
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302))
                    .check(header("Location").transform(l -> l.contains("error")).is(false)));

    private final ChainBuilder todo = exec(http("待办")
            .get("/procedure/todo")
            .check(status().is(200))
            .check(regex("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").optional().saveAs("pageCsrf")));

    private final ChainBuilder residentSearch = feed(searches())
            .exec(http("居民查询")
                    .get("/residents")
                    .queryParam("q", "#{q}")
                    .check(status().is(200))
                    .check(regex("href=\"/residents/(\\d+)[?\"]")
                            .findRandom()
                            .optional()
                            .saveAs("residentId"))
                    .check(regex("href=\"/households/(\\d+)[?\"]")
                            .findRandom()
                            .optional()
                            .saveAs("householdId")));

    private final ChainBuilder residentPage = doIf(session -> session.contains("residentId"))
            .then(exec(http("居民档案")
                    .get("/residents/#{residentId}")
                    .queryParam("purpose", "CASE_HANDLING")
                    .check(status().is(200))
                    .check(regex("href=\"/households/(\\d+)[?\"]").optional().saveAs("householdId"))));

    private final ChainBuilder householdPage = doIf(session -> session.contains("householdId"))
            .then(exec(http("家庭档案").get("/households/#{householdId}").check(status().is(200))));

    private final ChainBuilder applications = exec(http("救助申请列表")
                    .get("/assistance/applications")
                    .check(status().is(200))
                    .check(regex("href=\"/assistance/applications/(\\d+)[?\"]")
                            .findRandom()
                            .optional()
                            .saveAs("applicationId")))
            .doIf(session -> session.contains("applicationId"))
            .then(exec(http("救助申请").get("/assistance/applications/#{applicationId}")
                    .check(status().is(200))));

    private final ChainBuilder cases = exec(http("案件列表")
                    .get("/procedure/cases")
                    .check(status().is(200))
                    .check(regex("href=\"/procedure/cases/(\\d+)[?\"]")
                            .findRandom()
                            .optional()
                            .saveAs("caseId")))
            .doIf(session -> session.contains("caseId"))
            .then(exec(http("案件").get("/procedure/cases/#{caseId}").check(status().is(200))));

    private final ChainBuilder rolls = exec(http("发放名册列表")
                    .get("/assistance/payment-rolls")
                    .check(status().is(200))
                    .check(regex("href=\"/assistance/payment-rolls/(\\d+)[?\"]")
                            .findRandom()
                            .optional()
                            .saveAs("rollId")))
            .doIf(session -> session.contains("rollId"))
            .then(exec(http("发放名册").get("/assistance/payment-rolls/#{rollId}").check(status().is(200))));

    private final ChainBuilder statistics =
            exec(http("救助统计").get("/assistance/statistics").check(status().is(200)));

    private final ChainBuilder supervision =
            exec(http("督办看板").get("/procedure/supervision").check(status().is(200)));

    private final ChainBuilder verificationRequests =
            exec(http("核对请求").get("/verification/requests").check(status().is(200)));

    /** Payment rolls are the district's (区局经办、领导); community workers see neither statistics nor supervision. */
    private static boolean districtWide(io.gatling.javaapi.core.Session session) {
        String role = session.getString("role");
        return "district".equals(role) || "leader".equals(role);
    }

    private static boolean officer(io.gatling.javaapi.core.Session session) {
        return !"community".equals(session.getString("role"));
    }

    /**
     * A write: a street officer registers a 低保 application for a household of the street (without materials: the
     * platform records it and lists what is missing). A household with an open application is refused with a message
     * on the form — a correct answer, counted as such.
     */
    private final ChainBuilder registerApplication = doIf(session -> "street".equals(session.getString("role"))
                    && session.contains("householdId"))
            .then(exec(http("登记申请表")
                            .get("/assistance/applications/new")
                            .queryParam("kind", "DIBAO")
                            .check(status().is(200))
                            .check(regex("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").saveAs("formCsrf"))
                            .check(regex("name=\"receivedOn\" value=\"([0-9-]+)\"").saveAs("today")))
                    .exec(http("登记申请")
                            .post("/assistance/applications")
                            .formParam("kind", "DIBAO")
                            .formParam("householdId", "#{householdId}")
                            .formParam("receivedOn", "#{today}")
                            .formParam("_csrf", "#{formCsrf}")
                            .check(status().is(302))
                            .check(header("Location").transform(l -> l.contains("/assistance/applications"))
                                    .is(true))));

    private final ScenarioBuilder staffAtWork = scenario("区、街道、社区工作人员")
            .feed(staff())
            .exec(signIn)
            .exec(todo)
            .during(Duration.ofMinutes(MINUTES))
            .on(randomSwitch()
                    .on(
                            percent(16.0).then(todo),
                            percent(24.0).then(exec(residentSearch).exec(think()).exec(residentPage)),
                            percent(10.0).then(exec(residentSearch).exec(think()).exec(householdPage)),
                            percent(14.0).then(applications),
                            percent(10.0).then(cases),
                            percent(8.0).then(doIfOrElse(StaffSimulation::districtWide)
                                    .then(rolls)
                                    .orElse(applications)),
                            percent(6.0).then(doIfOrElse(StaffSimulation::officer)
                                    .then(statistics)
                                    .orElse(todo)),
                            percent(4.0).then(doIfOrElse(StaffSimulation::officer)
                                    .then(supervision)
                                    .orElse(todo)),
                            percent(5.0).then(doIfOrElse(StaffSimulation::officer)
                                    .then(verificationRequests)
                                    .orElse(cases)),
                            percent(3.0).then(exec(residentSearch).exec(registerApplication)))
                    .exec(think()));

    {
        if (PASSWORD.isEmpty()) {
            throw new IllegalStateException("-Dpassword= (the demo accounts' password, MINZHENG_DEMO_PASSWORD) is required");
        }
        setUp(staffAtWork.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(RAMP))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
