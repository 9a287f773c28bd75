package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence package of a case (执法全过程记录, 行政处罚法第四十七条): a ZIP with a PDF summary, the full record as
 * JSON, the attachments and issued documents as stored, and the audit trail from the case's first entry to the export
 * itself with its hash chain — verifiable offline with the {@code verify.py} it contains (or {@link EvidenceVerifier}).
 * The export's own audit entry names the SM3 of the manifest, so manifest and chain lock each other.
 *
 * <p>The audit segment holds every entry between the case's first and the export (the chain cannot be checked with
 * gaps); entries carry ids and action codes, never personal values. Because it shows other work's metadata, exports
 * are for district-level roles: 区局领导, 业务科室, 法制审核员.
 */
@Service
public class EvidencePackages {

    static final Set<String> ROLES = Set.of("DISTRICT_LEADER", "DEPARTMENT_OFFICER", "LEGAL_REVIEWER");

    private final Cases cases;
    private final CaseStore store;
    private final FileStore files;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    EvidencePackages(
            Cases cases,
            CaseStore store,
            FileStore files,
            AuditTrail audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.cases = cases;
        this.store = store;
        this.files = files;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the package of the case to {@code out}; returns the case number (for the file name). */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'LEGAL_REVIEWER')")
    public String export(long caseId, OutputStream out) {
        Actor actor = Actor.current();
        Map<String, byte[]> content = new LinkedHashMap<>();
        Cases.CaseView view = transactions.execute(status -> {
            Cases.CaseView v = cases.view(caseId);
            content.put("summary.pdf", summary(v, actor));
            content.put("case.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(v));
            int n = 1;
            for (Cases.AttachmentView a : v.attachments()) {
                String ext = extension(a.contentType());
                content.put(String.format("attachments/%03d-%s.%s", n++, a.kind(), ext), files.read(a.sm3()));
            }
            for (Decisions.DecisionView d : v.decisions()) {
                if (d.documentSm3() != null) {
                    content.put("decisions/decision-" + d.id() + ".pdf", files.read(d.documentSm3()));
                }
            }
            return v;
        });
        if (view == null) {
            throw new NotFound("案件不存在，或不在您的数据范围内");
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        content.forEach(
                (path, bytes) -> listed.add(Map.of("path", path, "sm3", Sm3.hex(bytes), "size", (long) bytes.length)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "minzheng-evidence/1");
        manifest.put("caseId", Long.toString(view.id()));
        manifest.put("caseNumber", view.caseNumber());
        manifest.put("matterType", view.matterTypeCode() + " v" + view.matterTypeVersion());
        manifest.put("exportedBy", actor.username());
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("files", listed);
        byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        String manifestSm3 = Sm3.hex(manifestBytes);

        // Record the export, have it linked into the audit chain, then read the chain segment: the entry read last is
        // the export itself.
        transactions.executeWithoutResult(status -> {
            audit.record(AuditEvent.success("EVIDENCE_EXPORTED", "procedure_case", view.id())
                    .because("manifest sm3 " + manifestSm3));
            LocalDate today = LocalDate.now(clock);
            CaseRecord c = store.lock(view.id()).orElseThrow();
            store.addEvent(
                    new CaseStore.NewEvent(
                            c.id(),
                            "EVIDENCE_EXPORTED",
                            null,
                            c.state(),
                            c.state(),
                            today.isBefore(c.lastEventOn()) ? c.lastEventOn() : today,
                            actor,
                            false,
                            "导出证据包（清单 SM3 " + manifestSm3 + "）",
                            null,
                            null,
                            null),
                    clock.instant());
        });
        audit.chainPending();
        byte[] auditBytes = transactions.execute(status ->
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("entries", segment(view.id()))));

        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "manifest.json", manifestBytes);
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            put(zip, "audit/entries.json", auditBytes);
            put(zip, "verify.py", resource("procedure/evidence/verify.py"));
            put(zip, "README.txt", resource("procedure/evidence/README.txt"));
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return view.caseNumber();
    }

    /** Every audit entry from the case's first to its latest (the export), with what the chain check needs. */
    private List<Map<String, Object>> segment(long caseId) {
        record Bounds(Long first, Long last) {}
        Bounds bounds =
                jdbc.sql("""
                        select min(seq) as first, max(seq) as last from audit_entry
                        where target_type = 'procedure_case' and target_id = ?
                        """).param(Long.toString(caseId)).query(Bounds.class).single();
        List<Map<String, Object>> entries = new ArrayList<>();
        jdbc.sql("select * from audit_entry where seq between ? and ? order by seq")
                .params(bounds.first(), bounds.last())
                .query(rs -> {
                    Instant at = rs.getTimestamp("occurred_at").toInstant();
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("seq", rs.getLong("seq"));
                    e.put("occurredAt", at.toString());
                    e.put(
                            "occurredAtMicros",
                            Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L));
                    e.put("actor", rs.getString("actor"));
                    e.put("action", rs.getString("action"));
                    e.put("targetType", rs.getString("target_type"));
                    e.put("targetId", rs.getString("target_id"));
                    e.put("actorScope", rs.getString("actor_scope"));
                    e.put("result", rs.getString("result"));
                    e.put("reason", rs.getString("reason"));
                    e.put("clientAddress", rs.getString("client_address"));
                    e.put("prevHash", rs.getString("prev_hash"));
                    e.put("hash", rs.getString("hash"));
                    e.put(
                            "ofThisCase",
                            "procedure_case".equals(rs.getString("target_type"))
                                    && Long.toString(caseId).equals(rs.getString("target_id")));
                    entries.add(e);
                });
        return entries;
    }

    private byte[] summary(Cases.CaseView v, Actor actor) {
        PdfDocument pdf = PdfDocument.a4("执法全过程记录 · " + v.caseNumber())
                .issuer("西安市雁塔区民政局")
                .title("执法全过程记录（证据包概要）")
                .right("受理编号 " + v.caseNumber())
                .facts(List.of(
                        PdfDocument.Fact.of(
                                "事项",
                                v.matterTypeName() + "（" + v.matterTypeCode() + " 第 " + v.matterTypeVersion() + " 版）"),
                        PdfDocument.Fact.of("申请人/当事人", v.partyName()),
                        PdfDocument.Fact.of("所属社区", v.streetName() + " " + v.communityName()),
                        PdfDocument.Fact.of("当前状态", v.stateName() + (v.suspended() ? "（中止中）" : "")),
                        PdfDocument.Fact.of("受理日期", Formats.date(v.receivedOn())),
                        PdfDocument.Fact.of("办结日期", v.closedOn() == null ? "未办结" : Formats.date(v.closedOn())),
                        PdfDocument.Fact.of(
                                "导出", actor.displayName() + "（" + actor.username() + "） " + clock.instant())));
        pdf.heading("法定时限");
        pdf.table(
                List.of("时限", "期限", "起算", "截止", "状态"),
                v.clocks().stream()
                        .map(k -> List.of(
                                k.name(),
                                k.limitDays() + " 个" + k.dayTypeLabel(),
                                String.valueOf(k.startedOn()),
                                k.dueOn() == null
                                        ? (k.dueUnknown() ? "待日历" : "—")
                                        : k.dueOn().toString(),
                                k.statusLabel()))
                        .toList(),
                new float[] {3, 2, 2, 2, 2});
        pdf.heading("办理过程");
        pdf.table(
                List.of("序号", "日期", "事项", "办理人", "说明"),
                v.timeline().stream()
                        .map(e -> List.of(
                                Integer.toString(e.seq()),
                                e.occurredOn().toString(),
                                e.stepName() != null ? e.stepName() : e.kindLabel(),
                                e.actorName(),
                                (e.note() == null ? "" : e.note())
                                        + (e.lateReason() == null ? "" : "（补录：" + e.lateReason() + "）")))
                        .toList(),
                new float[] {1, 2, 3, 2, 6});
        if (!v.decisions().isEmpty()) {
            pdf.heading("决定");
            pdf.table(
                    List.of("稿次", "结论", "状态", "文号", "法制审核"),
                    v.decisions().stream()
                            .map(d -> List.of(
                                    Integer.toString(d.revision()),
                                    d.outcomeName(),
                                    d.statusLabel(),
                                    d.documentNumber() == null ? "" : d.documentNumber(),
                                    d.major()
                                            ? d.reviews().stream()
                                                    .map(r -> r.reviewerName() + r.conclusionLabel())
                                                    .reduce((a, b) -> a + "；" + b)
                                                    .orElse("待审核")
                                            : "不需要"))
                            .toList(),
                    new float[] {1, 2, 2, 3, 3});
        }
        if (!v.notices().isEmpty()) {
            pdf.heading("公示");
            pdf.table(
                    List.of("类别", "期间", "状态", "异议"),
                    v.notices().stream()
                            .map(n -> List.of(
                                    n.kindLabel(),
                                    n.periodStart() + " 至 " + n.periodEnd(),
                                    n.statusLabel(),
                                    Integer.toString(n.objections().size())))
                            .toList(),
                    new float[] {2, 4, 2, 1});
        }
        pdf.heading("附件（SM3）");
        pdf.table(
                List.of("材料", "名称", "大小", "SM3"),
                v.attachments().stream()
                        .map(a -> List.of(a.kindName(), a.fileName(), a.size() + " 字节", a.sm3()))
                        .toList(),
                new float[] {2, 3, 1, 6});
        pdf.line("校验方法见证据包中的 README.txt；运行 python3 verify.py 本证据包.zip 可离线校验全部文件和审计哈希链。");
        pdf.footer("证据包 " + v.caseNumber());
        return pdf.render();
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "application/zip" -> "zip";
            case "video/mp4" -> "mp4";
            case "audio/mpeg" -> "mp3";
            case "audio/wav" -> "wav";
            default -> "bin";
        };
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] resource(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
