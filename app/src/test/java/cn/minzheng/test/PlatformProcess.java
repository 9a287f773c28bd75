package cn.minzheng.test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The platform as a separate process, started from the compiled classes the way {@code bin/minzheng} starts the jar:
 * for the tests that kill it, restart it, or run two instances on one database (issue 14). Its console goes to
 * {@code <name>.out} in the work folder; the test's own configuration (test resources) is left out of its classpath.
 */
public final class PlatformProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path output;
    private final Process process;

    private PlatformProcess(String name, int port, Path output, Process process) {
        this.name = name;
        this.port = port;
        this.output = output;
        this.process = process;
    }

    /** Starts an instance with these environment variables (MINZHENG_PORT is chosen here). */
    public static PlatformProcess start(String name, Path workDir, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path output = workDir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classpath(),
                "cn.minzheng.MinzhengApplication"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("MINZHENG_"));
        env.put("MINZHENG_PORT", Integer.toString(port));
        env.put("MINZHENG_JAVA_OPTS", "");
        env.putAll(environment);
        return new PlatformProcess(name, port, output, builder.start());
    }

    /** What a command of the jar printed, and its exit code. */
    public record Command(int exitCode, String output) {}

    /** Runs a command of the jar ({@code audit-verify}, {@code backup FILE} …) to its end, as bin/minzheng would. */
    public static Command run(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classpath(),
                "cn.minzheng.MinzhengApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("MINZHENG_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Command(process.exitValue(), output);
    }

    /** The application's classpath: this JVM's, without the tests' classes and resources. */
    static String classpath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the instance printed so far. */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until {@code /actuator/health} says UP; fails with the end of the instance's output otherwise. */
    public PlatformProcess awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " 已退出（" + process.exitValue() + "）：\n" + tail(60));
            }
            if (healthStatus(client).equals("UP")) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " 在 " + timeout + " 内没有就绪：\n" + tail(60));
    }

    /** "UP", "DOWN", or "" when it does not answer within two seconds. */
    public String healthStatus(HttpClient client) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().contains("\"UP\"") ? "UP" : response.body().contains("\"DOWN\"") ? "DOWN" : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Waits until the output contains the text (a log line), or fails after the timeout. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " 已退出：\n" + tail(60));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " 没有输出“" + text + "”：\n" + tail(60));
    }

    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL, as a crash or the OOM killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: the platform stops its embedded PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** An environment as an ordered map (for readable test set-ups). */
    public static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }
}
