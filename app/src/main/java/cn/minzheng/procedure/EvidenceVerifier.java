package cn.minzheng.procedure;

import cn.minzheng.shared.Sm3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an evidence package offline, the same way {@code verify.py} inside the package does: every file against
 * the manifest, the audit segment as an unbroken SM3 chain, and the export entry naming the manifest's hash. Needs
 * nothing but the package.
 *
 * <pre>
 * java -cp minzheng.jar -Dloader.main=cn.minzheng.procedure.EvidenceVerifier \
 *      org.springframework.boot.loader.launch.PropertiesLauncher 证据包.zip
 * </pre>
 */
public final class EvidenceVerifier {

    private EvidenceVerifier() {}

    /** What was found: intact or not, the problems, and the audit head to compare with the live chain. */
    public record Result(
            boolean intact, List<String> problems, int files, long firstSeq, long lastSeq, String lastHash) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.out.println("用法: EvidenceVerifier 证据包.zip");
            System.exit(1);
        }
        Result result = verify(Files.readAllBytes(Path.of(args[0])));
        if (result.intact()) {
            System.out.println("✓ 证据包完整：" + result.files() + " 个文件与清单一致；审计记录第 " + result.firstSeq() + "–"
                    + result.lastSeq() + " 条哈希链完整；导出记录哈希 " + result.lastHash());
            System.exit(0);
        }
        result.problems().forEach(p -> System.out.println("✗ " + p));
        System.exit(2);
    }

    public static Result verify(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), readAll(in));
            }
        }
        List<String> problems = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        byte[] manifestBytes = entries.get("manifest.json");
        byte[] auditBytes = entries.get("audit/entries.json");
        if (manifestBytes == null || auditBytes == null) {
            return new Result(false, List.of("缺少 manifest.json 或 audit/entries.json"), 0, 0, 0, null);
        }
        JsonNode manifest = json.readTree(manifestBytes);
        String manifestSm3 = Sm3.hex(manifestBytes);
        int files = 0;
        for (JsonNode file : manifest.get("files")) {
            files++;
            String path = file.get("path").asString();
            byte[] content = entries.get(path);
            if (content == null) {
                problems.add("清单中的文件缺失：" + path);
            } else if (!Sm3.hex(content).equals(file.get("sm3").asString())
                    || content.length != file.get("size").asLong()) {
                problems.add("文件与清单不符：" + path);
            }
        }
        JsonNode audit = json.readTree(auditBytes).get("entries");
        JsonNode previous = null;
        for (JsonNode e : audit) {
            if (previous != null) {
                if (e.get("seq").asLong() != previous.get("seq").asLong() + 1) {
                    problems.add("审计记录不连续：第 " + previous.get("seq").asLong() + " 条之后是第 "
                            + e.get("seq").asLong() + " 条");
                }
                if (!e.get("prevHash").asString().equals(previous.get("hash").asString())) {
                    problems.add("第 " + e.get("seq").asLong() + " 条的前一哈希不符");
                }
            }
            String expected = Sm3.hex(HexFormat.of().parseHex(e.get("prevHash").asString()), canonical(e));
            if (!expected.equals(e.get("hash").asString())) {
                problems.add("第 " + e.get("seq").asLong() + " 条记录与其哈希不符");
            }
            previous = e;
        }
        if (previous == null) {
            problems.add("没有审计记录");
            return new Result(false, problems, files, 0, 0, null);
        }
        JsonNode first = audit.get(0);
        boolean export = "EVIDENCE_EXPORTED".equals(previous.get("action").asString())
                && manifest.get("caseId").asString().equals(text(previous, "targetId"));
        if (!export) {
            problems.add("最后一条审计记录不是本证据包的导出记录");
        } else if (text(previous, "reason") == null || !text(previous, "reason").contains(manifestSm3)) {
            problems.add("导出记录中的清单哈希与 manifest.json 不符");
        }
        return new Result(
                problems.isEmpty(),
                problems,
                files,
                first.get("seq").asLong(),
                previous.get("seq").asLong(),
                previous.get("hash").asString());
    }

    /** The audit module's canonical form of an entry: length-prefixed UTF-8 fields in a fixed order, null as −1. */
    static byte[] canonical(JsonNode e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, Long.toString(e.get("seq").asLong()));
        field(out, Long.toString(e.get("occurredAtMicros").asLong()));
        field(out, text(e, "actor"));
        field(out, text(e, "action"));
        field(out, text(e, "targetType"));
        field(out, text(e, "targetId"));
        field(out, text(e, "actorScope"));
        field(out, text(e, "result"));
        field(out, text(e, "reason"));
        field(out, text(e, "clientAddress"));
        return out.toByteArray();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
