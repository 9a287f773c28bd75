package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.Csv;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.store.Reject;
import cn.minzheng.verification.core.store.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries of the departments' data: received (checked at once, refused with a Chinese reason), then loaded into a
 * new generation of the store by a background worker, one load at a time across all instances (an advisory lock).
 * The reject report — line, record id, reason — is kept with the delivery; the delivered file is not.
 */
@Service
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final StoreGenerations generations;
    private final VerificationSettings settings;
    private final AuditTrail audit;

    Deliveries(
            JdbcClient jdbc,
            JdbcTemplate template,
            DataSource dataSource,
            TransactionTemplate transactions,
            StoreGenerations generations,
            VerificationSettings settings,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.generations = generations;
        this.settings = settings;
        this.audit = audit;
    }

    enum Status {
        RECEIVED("待导入"),
        LOADING("导入中"),
        LOADED("已导入"),
        FAILED("导入失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Delivery(
            long id,
            String sourceCode,
            String sourceTitle,
            String fileName,
            String fileKind,
            String encoding,
            long fileBytes,
            String fileSm3,
            Status status,
            String message,
            List<String> warnings,
            Long rowsRead,
            Long accepted,
            Long rejected,
            Long withUsableId,
            Long residue,
            Long generation,
            Long loadMs,
            String receivedBy,
            Instant receivedAt,
            Instant finishedAt) {

        public String statusLabel() {
            return status.label();
        }
    }

    record RejectedRow(long line, String recordId, String reason) {}

    /** Checks the file and records it as received; the caller then hands its id to the worker. */
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    @Transactional
    public long receive(String sourceCode, String fileName, InputStream content, String encoding) {
        if (content == null) {
            throw new BusinessRuleViolation("请选择要上传的交付文件");
        }
        DeliveryFile.Prepared file;
        try {
            file = DeliveryFile.prepare(
                    sourceCode,
                    fileName,
                    content,
                    DeliveryFile.EncodingChoice.parse(encoding),
                    settings.deliveryMaxBytes(),
                    settings.incoming());
        } catch (BusinessRuleViolation refused) {
            audit.record(
                    AuditEvent.failure("VERIFICATION_DELIVERY_REFUSED", "verification_source", sourceCode, "CHECK"));
            throw refused;
        }
        long id = jdbc.sql("""
                        insert into verification_delivery (source_code, file_name, file_kind, encoding, file_bytes,
                            file_sm3, status, warnings, received_by)
                        values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?) returning id
                        """)
                .params(
                        file.source().code(),
                        file.displayName(),
                        file.kind().name(),
                        file.charset().name(),
                        file.bytes(),
                        file.sm3(),
                        file.warnings().isEmpty() ? null : String.join("\n", file.warnings()),
                        actor())
                .query(Long.class)
                .single();
        try {
            Files.move(file.csv(), settings.incoming().resolve("delivery-" + id + file.suffix()));
        } catch (IOException e) {
            DeliveryFile.deleteQuietly(file.csv());
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEvent.success("VERIFICATION_DELIVERY_RECEIVED", "verification_delivery", id)
                .because(file.source().code()));
        return id;
    }

    /** The received file of a delivery: a CSV, or a .csv.gz or .zip kept compressed until the load reads it. */
    private Path incomingFile(long id) {
        for (String suffix : new String[] {".csv.gz", ".zip"}) {
            Path compressed = settings.incoming().resolve("delivery-" + id + suffix);
            if (Files.exists(compressed)) {
                return compressed;
            }
        }
        return settings.incoming().resolve("delivery-" + id + ".csv");
    }

    /**
     * Loads a received delivery into a new generation of the store. Runs in the worker (as the platform, with the
     * 核对中心's role); one build at a time across instances. A failure leaves the previous generation in service.
     */
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    public void load(long id) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            advisory(lock, "pg_advisory_lock", AdvisoryLocks.VERIFICATION_DELIVERY, (int) id);
            advisory(lock, "pg_advisory_lock", AdvisoryLocks.VERIFICATION_DELIVERY, AdvisoryLocks.VERIFICATION_STORE);
            try {
                loadLocked(id);
            } finally {
                advisory(
                        lock,
                        "pg_advisory_unlock",
                        AdvisoryLocks.VERIFICATION_DELIVERY,
                        AdvisoryLocks.VERIFICATION_STORE);
                advisory(lock, "pg_advisory_unlock", AdvisoryLocks.VERIFICATION_DELIVERY, (int) id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("核对数据导入的数据库锁不可用", e);
        }
    }

    static void advisory(Connection connection, String function, int space, int key) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select " + function + "(" + space + ", " + key + ")");
        }
    }

    private void loadLocked(long id) {
        Map<String, Object> row = transactions.execute(status -> jdbc.sql(
                        "select source_code, encoding, status from verification_delivery where id = ? for update")
                .param(id)
                .query()
                .singleRow());
        if (!Status.RECEIVED.name().equals(row.get("status"))) {
            return;
        }
        transactions.executeWithoutResult(
                status -> jdbc.sql("update verification_delivery set status = 'LOADING' where id = ?")
                        .param(id)
                        .update());
        Source source = Source.ofCode((String) row.get("source_code")).orElseThrow();
        Path file = incomingFile(id);
        long started = System.nanoTime();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BusinessRuleViolation("交付文件已不在待导入目录中（平台在导入前重启或文件被清理），请重新上传");
            }
            StoreGenerations.Built built =
                    generations.build(source, file, Charset.forName((String) row.get("encoding")), id);
            long ms = (System.nanoTime() - started) / 1_000_000;
            transactions.executeWithoutResult(status -> recordLoaded(id, source, built, ms));
            log.info(
                    "核对数据 {} 第 {} 号交付已导入第 {} 版数据库：{} 行，接受 {}，拒绝 {}，{} ms",
                    source.code(),
                    id,
                    built.generation(),
                    built.load().result().rowsRead(),
                    built.load().result().accepted(),
                    built.load().result().rejected(),
                    ms);
        } catch (RuntimeException e) {
            String message = e instanceof BusinessRuleViolation refused
                    ? refused.getMessage()
                    : e instanceof UserError engine
                            ? EngineMessages.refusal(engine.getMessage())
                            : "导入时发生内部错误，已保留上一版核对数据库";
            if (!(e instanceof BusinessRuleViolation) && !(e instanceof UserError)) {
                log.error("核对数据第 {} 号交付导入失败", id, e);
            }
            transactions.executeWithoutResult(status -> {
                jdbc.sql("update verification_delivery set status = 'FAILED', message = ?, finished_at = now(),"
                                + " load_ms = ? where id = ?")
                        .params(message, (System.nanoTime() - started) / 1_000_000, id)
                        .update();
                audit.record(AuditEvent.failure("VERIFICATION_DELIVERY_LOADED", "verification_delivery", id, "FAILED"));
            });
        } finally {
            DeliveryFile.deleteQuietly(file);
        }
    }

    private void recordLoaded(long id, Source source, StoreGenerations.Built built, long ms) {
        var result = built.load().result();
        List<String> engineWarnings =
                result.warnings().stream().map(EngineMessages::warning).toList();
        jdbc.sql("""
                        update verification_delivery set status = 'LOADED', rows_read = ?, accepted = ?, rejected = ?,
                            with_usable_id = ?, residue = ?, generation = ?, load_ms = ?, finished_at = now(),
                            warnings = coalesce(warnings, ?)
                        where id = ?
                        """)
                .params(
                        result.rowsRead(),
                        result.accepted(),
                        result.rejected(),
                        result.withUsableId(),
                        result.residue(),
                        built.generation(),
                        ms,
                        engineWarnings.isEmpty() ? null : String.join("\n", engineWarnings),
                        id)
                .update();
        List<Reject> rejects = built.load().rejects();
        template.batchUpdate(
                "insert into verification_delivery_reject (delivery_id, line, record_id, reason) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                rejects,
                1000,
                (ps, reject) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, reject.line());
                    ps.setString(3, reject.recordId());
                    ps.setString(4, EngineMessages.reject(reject.reason()));
                });
        jdbc.sql("""
                        update verification_source set current_delivery_id = ?, current_rows = ?, last_delivered_at = now()
                        where code = ?
                        """).params(id, result.accepted(), source.code()).update();
        audit.record(AuditEvent.success("VERIFICATION_DELIVERY_LOADED", "verification_delivery", id)
                .because("generation " + built.generation() + ", rejected " + result.rejected()));
    }

    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional(readOnly = true)
    public List<Delivery> list(String sourceCode, int limit) {
        String filter = sourceCode == null || sourceCode.isBlank() ? "" : " where d.source_code = :source";
        var spec = jdbc.sql("select d.*, s.title from verification_delivery d join verification_source s on s.code ="
                        + " d.source_code" + filter + " order by d.id desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 500)));
        if (!filter.isEmpty()) {
            spec = spec.param("source", sourceCode.strip());
        }
        return spec.query((rs, n) -> map(rs)).list();
    }

    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional(readOnly = true)
    public Delivery find(long id) {
        return jdbc.sql("select d.*, s.title from verification_delivery d join verification_source s on s.code ="
                        + " d.source_code where d.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("交付记录 " + id + " 不存在"));
    }

    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional(readOnly = true)
    public List<RejectedRow> rejects(long id, int limit) {
        find(id);
        return jdbc.sql("select line, record_id, reason from verification_delivery_reject where delivery_id = ?"
                        + " order by line limit ?")
                .params(id, limit)
                .query((rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The reject report as UTF-8 CSV with BOM (for Excel): 行号,record_id,原因. */
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    @Transactional // not read-only: the download is an export, recorded in the audit trail
    public void writeRejects(long id, OutputStream out) {
        find(id);
        try {
            out.write(Csv.utf8WithBom(Csv.line(List.of("行号", "record_id", "原因"), "\n")));
            template.query(
                    "select line, record_id, reason from verification_delivery_reject where delivery_id = ? order by line",
                    rs -> {
                        try {
                            out.write(Csv.line(
                                            List.of(
                                                    Long.toString(rs.getLong(1)),
                                                    Csv.spreadsheetSafe(rs.getString(2)),
                                                    Csv.spreadsheetSafe(rs.getString(3))),
                                            "\n")
                                    .getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEvent.success("VERIFICATION_REJECTS_DOWNLOADED", "verification_delivery", id));
    }

    /**
     * Deliveries left RECEIVED or LOADING by a worker that no longer exists (the process died): their per-delivery
     * lock is free. Marked failed; the previous generation stays in service.
     */
    int markAbandoned() {
        List<Long> candidates = jdbc.sql("select id from verification_delivery where status in ('RECEIVED', 'LOADING')")
                .query(Long.class)
                .list();
        try {
            return AbandonedWork.mark(dataSource, AdvisoryLocks.VERIFICATION_DELIVERY, candidates, id -> {
                int marked = jdbc.sql("update verification_delivery set status = 'FAILED', finished_at = now(),"
                                + " message = '导入被中断（平台重启），已保留上一版核对数据库；请重新上传'"
                                + " where id = ? and status in ('RECEIVED', 'LOADING')")
                        .param(id)
                        .update();
                DeliveryFile.deleteQuietly(incomingFile(id));
                return marked;
            });
        } catch (SQLException e) {
            log.warn("interrupted deliveries could not be checked", e);
            return 0;
        }
    }

    private static Delivery map(java.sql.ResultSet rs) throws SQLException {
        String warnings = rs.getString("warnings");
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Delivery(
                rs.getLong("id"),
                rs.getString("source_code"),
                rs.getString("title"),
                rs.getString("file_name"),
                rs.getString("file_kind"),
                rs.getString("encoding"),
                rs.getLong("file_bytes"),
                rs.getString("file_sm3"),
                Status.valueOf(rs.getString("status")),
                rs.getString("message"),
                warnings == null ? List.of() : Arrays.asList(warnings.split("\n")),
                (Long) rs.getObject("rows_read"),
                (Long) rs.getObject("accepted"),
                (Long) rs.getObject("rejected"),
                (Long) rs.getObject("with_usable_id"),
                (Long) rs.getObject("residue"),
                (Long) rs.getObject("generation"),
                (Long) rs.getObject("load_ms"),
                rs.getString("received_by"),
                rs.getTimestamp("received_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
