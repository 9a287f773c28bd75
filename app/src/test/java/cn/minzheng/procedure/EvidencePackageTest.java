package cn.minzheng.procedure;

import static cn.minzheng.procedure.Fixtures.act;
import static cn.minzheng.procedure.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The evidence package (执法全过程记录) verifies offline — by the Java verifier and by the {@code verify.py} it carries —
 * and a changed attachment, document or audit entry is caught.
 */
@SpringBootTest
class EvidencePackageTest {

    @Autowired
    TestDistrict district;

    @Autowired
    Cases cases;

    @Autowired
    Decisions decisions;

    @Autowired
    EvidencePackages evidence;

    @BeforeEach
    void setUp() {
        district.ensure();
    }

    private byte[] decidedCasePackage() {
        long id = Fixtures.acceptedDibao(cases, "韩测试", d(3, 2));
        As.street().run(() -> cases.perform(id, "START_INVESTIGATION", act(d(3, 3))));
        As.street()
                .run(() -> cases.attach(
                        id,
                        "OTHER",
                        "入户照片.jpg",
                        new ByteArrayInputStream(
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 1, 2}),
                        "现场照片"));
        As.street().run(() -> decisions.draft(id, Fixtures.dibaoDraft(d(3, 4), "3", "45000", true)));
        As.street().run(() -> cases.perform(id, "PUBLISH", act(d(3, 5))));
        As.street().run(() -> cases.perform(id, "SUBMIT", act(d(3, 13))));
        As.officer().run(() -> cases.perform(id, "CONFIRM", act(d(3, 16))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> As.street().run(() -> evidence.export(id, out)))
                .isInstanceOf(AccessDeniedException.class);
        As.legal().run(() -> evidence.export(id, out));
        return out.toByteArray();
    }

    @Test
    void thePackageVerifiesOffline() throws Exception {
        byte[] zip = decidedCasePackage();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet())
                .contains("manifest.json", "summary.pdf", "case.json", "audit/entries.json", "verify.py", "README.txt")
                .anyMatch(name -> name.startsWith("attachments/"))
                .anyMatch(name -> name.startsWith("decisions/"));
        EvidenceVerifier.Result result = EvidenceVerifier.verify(zip);
        assertThat(result.problems()).isEmpty();
        assertThat(result.intact()).isTrue();
        assertThat(result.files()).isGreaterThanOrEqualTo(6);
        byte[] summary = entries.get("summary.pdf");
        PdfChecks.assertFontsEmbedded(summary);
        assertThat(PdfChecks.text(summary).replaceAll("\\s+", "")).contains("执法全过程记录", "韩测试", "审核确认并作出决定");
        String audit = new String(entries.get("audit/entries.json"), StandardCharsets.UTF_8);
        assertThat(audit)
                .contains("CASE_OPENED", "CASE_STEP", "DECISION_ISSUED", "EVIDENCE_EXPORTED")
                .doesNotContain("韩测试");

        Path python = pythonWithSm3();
        if (python != null) {
            Path file = Files.createTempFile("evidence", ".zip");
            Files.write(file, zip);
            Process p = new ProcessBuilder(
                            python.toString(), extract(entries.get("verify.py")).toString(), file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("证据包完整");
            Files.delete(file);
        } else {
            System.out.println("python3（带 SM3）不可用：verify.py 未运行，仅用 Java 校验器校验");
        }
    }

    @Test
    void aChangedAttachmentIsCaught() throws Exception {
        byte[] zip = decidedCasePackage();
        byte[] forged = rewrite(zip, name -> name.startsWith("attachments/"), bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length - 1] ^= 1;
            return copy;
        });
        EvidenceVerifier.Result result = EvidenceVerifier.verify(forged);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anyMatch(p -> p.contains("文件与清单不符"));
    }

    @Test
    void aChangedAuditEntryOrManifestIsCaught() throws Exception {
        byte[] zip = decidedCasePackage();
        byte[] auditForged = rewrite(
                zip,
                "audit/entries.json"::equals,
                bytes -> new String(bytes, StandardCharsets.UTF_8)
                        .replaceFirst("\"actor\" : \"t_officer\"", "\"actor\" : \"t_leader\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(EvidenceVerifier.verify(auditForged).problems()).anyMatch(p -> p.contains("与其哈希不符"));
        byte[] manifestForged = rewrite(
                zip,
                "manifest.json"::equals,
                bytes -> new String(bytes, StandardCharsets.UTF_8)
                        .replace("韩", "韩")
                        .replace("\"exportedBy\" : \"t_legal\"", "\"exportedBy\" : \"t_other\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(EvidenceVerifier.verify(manifestForged).problems()).anyMatch(p -> p.contains("清单哈希"));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] rewrite(byte[] zip, java.util.function.Predicate<String> which, UnaryOperator<byte[]> change)
            throws Exception {
        Map<String, byte[]> entries = unzip(zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = e.getValue();
                if (!changed && which.test(e.getKey())) {
                    byte[] after = change.apply(bytes);
                    assertThat(after).as("the forgery changed " + e.getKey()).isNotEqualTo(bytes);
                    bytes = after;
                    changed = true;
                }
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        assertThat(changed).isTrue();
        return out.toByteArray();
    }

    private static Path extract(byte[] script) throws Exception {
        Path file = Files.createTempFile("verify", ".py");
        Files.write(file, script);
        file.toFile().deleteOnExit();
        return file;
    }

    /** python3 whose OpenSSL offers SM3, or null. */
    private static Path pythonWithSm3() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                try {
                    Process p = new ProcessBuilder(candidate.toString(), "-c", "import hashlib; hashlib.new('sm3')")
                            .redirectErrorStream(true)
                            .start();
                    p.getInputStream().readAllBytes();
                    if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        return candidate;
                    }
                } catch (Exception e) {
                    return null;
                }
            }
        }
        return null;
    }
}
