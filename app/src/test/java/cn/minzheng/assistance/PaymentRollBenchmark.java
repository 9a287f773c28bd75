package cn.minzheng.assistance;

import cn.minzheng.platform.database.EmbeddedPostgres;
import cn.minzheng.platform.database.Secrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5 measurements, printed (never asserted): the time and heap of generating rolls of 20,000 and 100,000 items,
 * and the SIGKILL trials — the generating process is killed at a random moment, then the request is retried; after
 * each trial there must be exactly one roll whose items equal the snapshot and whose total is exact to the fen.
 *
 * <p>Run with {@code bin/bench-payment-rolls} (after {@code ./mvnw -DskipTests package}). The benchmark owns a
 * PostgreSQL of its own; each platform process is {@code java -jar app/target/minzheng.jar payment-roll …} against it.
 */
public final class PaymentRollBenchmark {

    private final Path jar;
    private final EmbeddedPostgres server;
    private final String ownerPassword = Secrets.generate(24);
    private final String appPassword = Secrets.generate(24);

    private PaymentRollBenchmark(Path jar, EmbeddedPostgres server) {
        this.jar = jar;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of(System.getProperty("minzheng.root", ".")).toAbsolutePath();
        Path jar = root.resolve("app/target/minzheng.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("先构建：./mvnw -DskipTests package");
        }
        Path work = Files.createTempDirectory(root.resolve("app/target"), "bench-payment-");
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedPostgres.Settings(
                work.resolve("pg"),
                root.resolve("app/target/pg-dist"),
                work.resolve("postgres.log"),
                Secrets.generate(24),
                0,
                "nobody",
                "nogroup",
                true,
                false));
        try {
            new PaymentRollBenchmark(jar, server).run(trials);
        } finally {
            server.close();
        }
    }

    private void run(int trials) throws Exception {
        try (Connection admin = server.superuserConnection("postgres");
                Statement s = admin.createStatement()) {
            s.execute("create role bench_owner login password '" + ownerPassword + "'");
            s.execute("create role bench_app login password '" + appPassword + "'");
            s.execute("create database bench owner bench_owner");
        }
        Result migrated = platform(List.of("migrate"), -1);
        System.out.println("schema: " + migrated.lastLine());

        System.out.println("== roll size (heap limited to 512 MB) ==");
        for (int size : new int[] {20_000, 100_000}) {
            String programme = size == 20_000 ? "TEKUN" : "DIBAO";
            beneficiaries(programme, size);
            Result result = platform(
                    List.of("payment-roll", "--programme=" + programme, "--period=2026-12", "--key=size-" + size), -1);
            System.out.printf("%,d items: %s%n", size, result.lastLine());
        }

        System.out.println("== SIGKILL during generation, then retry (" + trials + " trials, 100,000 items) ==");
        Random random = new Random(20261128L);
        int violations = 0;
        int killedBeforeCommit = 0;
        for (int t = 1; t <= trials; t++) {
            String period = "2027-" + String.format("%02d", t);
            String key = "trial-" + t;
            long delay = 20 + random.nextInt(2_500);
            Result killed =
                    platform(List.of("payment-roll", "--programme=DIBAO", "--period=" + period, "--key=" + key), delay);
            long rollsAfterKill =
                    count("select count(*) from payment_roll where programme_code = 'DIBAO' and period = '" + period
                            + "-01'");
            if (rollsAfterKill == 0) {
                killedBeforeCommit++;
            }
            Result retried =
                    platform(List.of("payment-roll", "--programme=DIBAO", "--period=" + period, "--key=" + key), -1);
            long rolls = count("select count(*) from payment_roll where programme_code = 'DIBAO' and period = '"
                    + period + "-01'");
            long items = count("select count(*) from payment_item i join payment_roll r on r.id = i.roll_id"
                    + " where r.programme_code = 'DIBAO' and r.period = '" + period + "-01'");
            long total = count(
                    "select coalesce(sum(i.amount_fen), 0) from payment_item i join payment_roll r on r.id = i.roll_id"
                            + " where r.programme_code = 'DIBAO' and r.period = '" + period + "-01'");
            long recorded = count(
                    "select coalesce(max(total_fen), -1) from payment_roll where programme_code = 'DIBAO' and period = '"
                            + period + "-01'");
            long snapshotItems = count(
                    "select count(*) from assistance_status where programme_code = 'DIBAO' and monthly_amount_fen > 0"
                            + " and effective_from <= '" + period + "-01' and (effective_to is null or effective_to > '"
                            + period + "-01')");
            long snapshotTotal = count(
                    "select coalesce(sum(monthly_amount_fen), 0) from assistance_status where programme_code = 'DIBAO'"
                            + " and monthly_amount_fen > 0 and effective_from <= '" + period
                            + "-01' and (effective_to is null or effective_to > '" + period + "-01')");
            boolean ok = rolls == 1 && items == snapshotItems && total == snapshotTotal && recorded == snapshotTotal;
            if (!ok) {
                violations++;
            }
            System.out.printf(
                    "trial %2d: killed after %4d ms (%s), rolls after kill %d; retry: %s -> rolls=%d items=%d/%d total=%d/%d %s%n",
                    t,
                    delay,
                    killed.killed() ? "SIGKILL" : "finished first",
                    rollsAfterKill,
                    retried.lastLine(),
                    rolls,
                    items,
                    snapshotItems,
                    total,
                    snapshotTotal,
                    ok ? "OK" : "VIOLATION");
        }
        System.out.printf(
                "SIGKILL trials: %d, killed before commit: %d, violations: %d%n",
                trials, killedBeforeCommit, violations);
    }

    private void beneficiaries(String programme, int count) throws Exception {
        try (Connection c = server.superuserConnection("bench");
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                                   members, monthly_amount_fen, effective_from, decision_ref)
                    select '%s', '%s', 'HOUSEHOLD', g, '610113' || lpad((1 + g %% 8)::text, 3, '0') || lpad((1 + g %% 20)::text, 3, '0'),
                           1 + g %% 4, 30000 + (g * 7919) %% 90000, '2026-01-01', 'bench'
                    from generate_series(1, %d) g
                    """.formatted(programme.equals("TEKUN") ? "TEKUN" : "DIBAO", programme, count));
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = server.superuserConnection("bench");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    record Result(boolean killed, String lastLine) {}

    /** Runs the platform jar with a command; with {@code killAfterMillis} ≥ 0, SIGKILLs it that long after "GENERATING". */
    private Result platform(List<String> command, long killAfterMillis) throws Exception {
        List<String> line = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("MINZHENG_DB_URL", server.jdbcUrl("bench"));
        builder.environment().put("MINZHENG_DB_USER", "bench_owner");
        builder.environment().put("MINZHENG_DB_PASSWORD", ownerPassword);
        builder.environment().put("MINZHENG_DB_APP_USER", "bench_app");
        builder.environment().put("MINZHENG_DB_APP_PASSWORD", appPassword);
        builder.environment()
                .put("MINZHENG_DATA_DIR", jar.getParent().resolve("bench-data").toString());
        Process process = builder.start();
        String last = "";
        boolean killed = false;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = out.readLine()) != null) {
                if (text.startsWith("GENERATING") && killAfterMillis >= 0) {
                    Thread.sleep(killAfterMillis);
                    if (process.isAlive()) {
                        process.destroyForcibly(); // SIGKILL
                        killed = true;
                    }
                    break;
                }
                if (text.startsWith("ROLL ") || text.startsWith("EXISTS ") || text.startsWith("数据库")) {
                    last = text;
                }
            }
        }
        process.waitFor(120, TimeUnit.SECONDS);
        return new Result(killed, last);
    }
}
