package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.Csv;
import cn.minzheng.platform.files.PrivateFiles;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of residents and households from .xlsx or .csv files.
 *
 * <p>{@link #start} checks the file (size, kind, first bytes), records the import as RUNNING and hands it to a
 * background worker, returning at once. The worker does everything in one transaction: it reads and checks every row,
 * and then either stores the accepted rows, the rejected rows' reasons and the final counts together, or — in
 * {@code ALL_OR_NOTHING} mode with a bad row — only the reasons. So an import is stored completely or not at all: a
 * crash, a lost connection or a killed process roll it back, and the import is then marked FAILED (by the worker, or
 * at the next start if the process died). Imports run one at a time (an advisory lock), so two uploads of the same
 * file cannot both create the same people.
 */
@Service
@PreAuthorize(ResidentRoles.WRITE)
public class ResidentImports {

    private static final Logger log = LoggerFactory.getLogger(ResidentImports.class);

    /** Keys of the advisory locks: one for "an import is writing", one per import for "its worker is alive". */
    static final int IMPORT_LOCK_NAMESPACE = 0x4D5A5249; // "MZRI"

    private static final int ANY_IMPORT = 0;

    static final int MAX_ROWS = 200_000;
    static final int MAX_CELL = 500;

    private final JdbcClient jdbc;
    private final ImportPlanner planner;
    private final RegistrationWriter writer;
    private final SensitiveFields sensitive;
    private final ResidentRecords residents;
    private final Communities communities;
    private final DuplicateFinder duplicates;
    private final AuditTrail audit;
    private final Executor executor;
    private final TransactionTemplate ownTransaction;
    private final long maxBytes;
    private final ImportLiveness liveness;
    private final javax.sql.DataSource dataSource;
    /** Where uploads wait for the worker: on disk, not in the heap (issue 13 A5). */
    private final Path spool;
    /** Imports handed to this instance's worker and not finished: the sweeper leaves them alone. */
    private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ResidentImports(
            JdbcClient jdbc,
            ImportPlanner planner,
            RegistrationWriter writer,
            SensitiveFields sensitive,
            ResidentRecords residents,
            Communities communities,
            DuplicateFinder duplicates,
            AuditTrail audit,
            @Qualifier("residentImportExecutor") Executor executor,
            TransactionTemplate transactions,
            @Value("${minzheng.resident.import.max-bytes:20971520}") long maxBytes,
            ImportLiveness liveness,
            javax.sql.DataSource dataSource,
            @Value("${minzheng.data-dir}") Path dataDir) {
        this.liveness = liveness;
        this.dataSource = dataSource;
        this.spool = dataDir.toAbsolutePath().normalize().resolve("imports");
        this.jdbc = jdbc;
        this.planner = planner;
        this.writer = writer;
        this.sensitive = sensitive;
        this.residents = residents;
        this.communities = communities;
        this.duplicates = duplicates;
        this.audit = audit;
        this.executor = executor;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxBytes = maxBytes;
    }

    public enum Mode {
        ALL_OR_NOTHING,
        ACCEPT_VALID
    }

    public enum Status {
        RUNNING("正在导入"),
        COMPLETED("已完成"),
        REJECTED("未导入：文件中有错误（全部成功才导入）"),
        FAILED("导入失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * An import as its status answer shows it: {@code accepted + rejected = total}; {@code imported} is how many rows
     * were stored (accepted rows of a COMPLETED import, otherwise 0), of which {@code created} new, {@code updated}
     * changed and {@code unchanged} already registered as in the file.
     */
    public record Import(
            long id,
            Status status,
            Mode mode,
            String fileName,
            String fileKind,
            String encoding,
            int total,
            int accepted,
            int rejected,
            int imported,
            int created,
            int updated,
            int unchanged,
            String message,
            String createdBy,
            Instant createdAt,
            Instant finishedAt,
            Long sameFileAs) {

        public String statusLabel() {
            return status.label();
        }

        public boolean running() {
            return status == Status.RUNNING;
        }
    }

    /** Checks the file, records the import and starts it in the background; returns its id. */
    public long start(String originalFileName, byte[] content, Mode mode) {
        if (mode == null) {
            throw new BusinessRuleViolation("请选择导入方式：ALL_OR_NOTHING（全部正确才导入）或 ACCEPT_VALID（导入正确的行）");
        }
        UploadedFile file = UploadedFile.inspect(originalFileName, content, maxBytes);
        DataScope scope = Staff.scope();
        String actor = Staff.name();
        // the number first, so that this instance holds the import's liveness lock before anyone can see it RUNNING
        long id = ownTransaction.execute(
                status -> jdbc.sql("select nextval(pg_get_serial_sequence('resident_import', 'id'))")
                        .query(Long.class)
                        .single());
        liveness.hold(id);
        ownTransaction.execute(status -> jdbc.sql("""
                        insert into resident_import (id, scope_code, mode, status, file_name, file_kind, file_sm3,
                                                     file_bytes, created_by)
                        values (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        id,
                        scope.code(),
                        mode.name(),
                        file.displayName(),
                        file.kind().name(),
                        Sm3.hex(content),
                        content.length,
                        actor)
                .query(Long.class)
                .single());
        Queued queued;
        try {
            queued = Queued.spool(file, spool, id);
        } catch (IOException e) {
            fail(id, "无法暂存上传的文件，本次未导入；请稍后重新导入");
            return id;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        pending.add(id);
        try {
            executor.execute(() -> {
                SecurityContext workerContext = SecurityContextHolder.createEmptyContext();
                workerContext.setAuthentication(who);
                SecurityContextHolder.setContext(workerContext);
                try {
                    run(id, queued, mode);
                } finally {
                    pending.remove(id);
                    queued.delete();
                    liveness.release(id);
                    SecurityContextHolder.clearContext();
                }
            });
        } catch (org.springframework.core.task.TaskRejectedException e) {
            pending.remove(id);
            queued.delete();
            liveness.release(id);
            fail(id, "当前排队的导入过多，本次未导入；请稍后重新导入");
        }
        return id;
    }

    /**
     * An upload waiting for the worker, as a private file under the data folder: twenty queued 20 MB uploads no longer
     * sit in the heap. Deleted when its import has run (or was given up on).
     */
    record Queued(UploadedFile.Kind kind, Path file) {

        static Queued spool(UploadedFile upload, Path folder, long importId) throws IOException {
            Path file = PrivateFiles.create(
                    folder,
                    "resident-import-" + importId + "-",
                    "." + upload.kind().name().toLowerCase(java.util.Locale.ROOT));
            Files.write(file, upload.content());
            return new Queued(upload.kind(), file);
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("暂存的导入文件 {} 未能删除", file.getFileName());
            }
        }
    }

    /** The worker: everything in one transaction; on any failure the import is marked FAILED and nothing is kept. */
    void run(long id, Queued file, Mode mode) {
        long started = System.nanoTime();
        try {
            Outcome outcome = ownTransaction.execute(status -> importInOneTransaction(id, file, mode));
            if (outcome != null && outcome.created() > 0) {
                duplicates.afterCommitOfImport(id);
            }
            log.info(
                    "居民导入 {}：{}，共 {} 行，用时 {} ms",
                    id,
                    outcome == null ? "?" : outcome.status(),
                    outcome == null ? 0 : outcome.total(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ImportRefused e) {
            fail(id, e.getMessage());
        } catch (RuntimeException e) {
            String supportId = cn.minzheng.platform.web.SupportIds.next();
            log.error(
                    "居民导入 {} 失败 [supportId={}]：{}", id, supportId, e.getClass().getName());
            fail(id, "导入失败，未导入任何数据；请重新导入。如仍失败，请联系技术支持并提供编号 " + supportId);
        }
    }

    record Outcome(Status status, int total, int created) {}

    private Outcome importInOneTransaction(long id, Queued file, Mode mode) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(IMPORT_LOCK_NAMESPACE, (int) id)
                .query()
                .singleValue();
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(IMPORT_LOCK_NAMESPACE, ANY_IMPORT)
                .query()
                .singleValue();
        String current = jdbc.sql("select status from resident_import where id = ?")
                .param(id)
                .query(String.class)
                .single();
        if (!current.equals(Status.RUNNING.name())) {
            return new Outcome(Status.valueOf(current), 0, 0); // already given up on (the sweeper found it stalled)
        }
        ReadFile read = readRows(file);
        ImportPlanner.Plan plan = planner.plan(read.rows(), Staff.scope(), communities.today());
        boolean store = mode == Mode.ACCEPT_VALID || plan.rejected() == 0;
        Status status = store ? Status.COMPLETED : Status.REJECTED;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        if (store) {
            created = (int) plan.count(ImportPlanner.Action.CREATE);
            updated = (int) plan.count(ImportPlanner.Action.UPDATE);
            unchanged = (int) plan.count(ImportPlanner.Action.UNCHANGED);
            write(plan, id);
        }
        List<ImportPlanner.Rejection> rejections = plan.rejections();
        String scope = Staff.scope().code();
        List<Object[]> rows = new ArrayList<>(rejections.size());
        for (ImportPlanner.Rejection r : rejections) {
            rows.add(new Object[] {id, scope, r.row(), r.field(), r.reason()});
        }
        insertRejections(rows);
        String message = plan.total() == 0
                ? "文件中没有数据行"
                : store ? null : "有 " + plan.rejected() + " 行未通过校验，按“全部正确才导入”的要求，本次没有导入任何数据；请修正后重新导入";
        jdbc.sql("""
                        update resident_import set status = ?, encoding = ?, total = ?, accepted = ?, rejected = ?,
                               imported = ?, created = ?, updated = ?, unchanged = ?, message = ?, finished_at = clock_timestamp()
                        where id = ?
                        """)
                .params(
                        status.name(),
                        RegistrationWriter.text(read.encoding()),
                        plan.total(),
                        plan.accepted(),
                        plan.rejected(),
                        store ? plan.accepted() : 0,
                        created,
                        updated,
                        unchanged,
                        RegistrationWriter.text(message),
                        id)
                .update();
        audit.record(AuditEvent.success("RESIDENT_IMPORT", "resident_import", id)
                .because(status.name() + " total=" + plan.total() + " accepted=" + plan.accepted() + " rejected="
                        + plan.rejected()));
        return new Outcome(status, plan.total(), created);
    }

    record ReadFile(List<SourceRow> rows, String encoding) {}

    static ReadFile readRows(Queued file) {
        List<SourceRow> rows = new ArrayList<>();
        Header[] header = {null};
        String encoding;
        if (file.kind() == UploadedFile.Kind.CSV) {
            byte[] content;
            try {
                content = Files.readAllBytes(file.file());
            } catch (IOException e) {
                throw new ImportRefused("暂存的上传文件已不存在，请重新导入");
            }
            CsvSource.Decoded decoded = CsvSource.decode(content);
            encoding = decoded.encoding();
            CsvSource.parse(
                    decoded.text(),
                    MAX_ROWS + 1,
                    MAX_CELL,
                    record -> accept(record.line(), record.fields(), header, rows));
        } else {
            encoding = null;
            XlsxSource.read(
                    file.file(), MAX_ROWS + 1, MAX_CELL, (number, cells) -> accept(number, cells, header, rows));
        }
        if (header[0] == null) {
            throw new ImportRefused("文件中没有内容（连表头也没有），请使用导入模板");
        }
        return new ReadFile(rows, encoding);
    }

    private static void accept(int number, List<String> cells, Header[] header, List<SourceRow> rows) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (header[0] == null) {
            header[0] = Header.read(cells);
            return;
        }
        rows.add(header[0].row(number, cells));
    }

    private void write(ImportPlanner.Plan plan, long importId) {
        String actor = Staff.name();
        List<ImportPlanner.RowPlan> accepted =
                plan.rows().stream().filter(r -> !r.rejected()).toList();
        List<ImportPlanner.RowPlan> creating = accepted.stream()
                .filter(r -> r.action == ImportPlanner.Action.CREATE)
                .toList();
        long[] ids = writer.residentIds(creating.size());
        List<RegistrationWriter.NewResident> newResidents = new ArrayList<>(creating.size());
        for (int i = 0; i < creating.size(); i++) {
            ImportPlanner.RowPlan row = creating.get(i);
            row.residentId = ids[i];
            PersonCheck.Person p = row.person;
            newResidents.add(new RegistrationWriter.NewResident(
                    ids[i],
                    p.communityCode(),
                    p.name(),
                    p.gender(),
                    p.birthDate(),
                    p.documentType(),
                    p.idNumber(),
                    p.hukouAddressCode(),
                    p.phone(),
                    importId));
        }
        writer.residents(newResidents, actor);

        List<ImportPlanner.HouseholdPlan> forming = plan.households().stream()
                .filter(h -> h.creates() && h.head() != null && !h.head().rejected())
                .toList();
        long[] householdIds = writer.householdIds(forming.size());
        List<RegistrationWriter.NewHousehold> newHouseholds = new ArrayList<>();
        List<RegistrationWriter.NewHouseholdEvent> events = new ArrayList<>();
        for (int i = 0; i < forming.size(); i++) {
            ImportPlanner.HouseholdPlan h = forming.get(i);
            h.newId = householdIds[i];
            newHouseholds.add(new RegistrationWriter.NewHousehold(
                    h.newId, h.communityCode, h.householdNo, h.head().residentId, null, importId));
            events.add(new RegistrationWriter.NewHouseholdEvent(
                    h.newId, h.communityCode, HouseholdEventKind.FORMED, h.head().residentId, null, "导入建户"));
        }
        writer.households(newHouseholds, actor);

        List<RegistrationWriter.NewMembership> memberships = new ArrayList<>();
        for (ImportPlanner.HouseholdPlan h : plan.households()) {
            if (h.creates() && (h.head() == null || h.head().rejected())) {
                continue;
            }
            for (ImportPlanner.RowPlan row : h.rows) {
                if (row.rejected() || !row.joinsHousehold) {
                    continue;
                }
                memberships.add(new RegistrationWriter.NewMembership(
                        h.id(), row.residentId, h.communityCode, row.relationship, null, JoinReason.REGISTERED));
                if (!h.creates()) {
                    events.add(new RegistrationWriter.NewHouseholdEvent(
                            h.id(), h.communityCode, HouseholdEventKind.MOVED_IN, row.residentId, null, "导入登记"));
                }
            }
        }
        writer.memberships(memberships);
        writer.householdEvents(events, actor);

        for (ImportPlanner.RowPlan row : accepted) {
            if (row.action != ImportPlanner.Action.UPDATE) {
                continue;
            }
            List<String> changed = new ArrayList<>();
            if (row.phoneChanged) {
                SensitiveFields.Sealed phone = sensitive.phone(row.person.phone());
                jdbc.sql("update resident set phone_cipher = ?, phone_blind = ?, phone_masked = ? where id = ?")
                        .params(phone.cipher(), phone.blind(), phone.masked(), row.residentId)
                        .update();
                changed.add("联系电话");
            }
            if (row.hukouChanged) {
                jdbc.sql("update resident set hukou_address_code = ? where id = ?")
                        .params(row.person.hukouAddressCode(), row.residentId)
                        .update();
                changed.add("户籍地址码");
            }
            if (row.relationshipChanged) {
                jdbc.sql("update household_member set relationship = ? where id = ?")
                        .params(row.relationship.name(), row.existing.membershipId())
                        .update();
                changed.add("与户主关系");
            }
            if (row.joinsHousehold) {
                changed.add("入户");
            }
            residents.touch(row.residentId);
            residents.event(
                    row.residentId,
                    row.person.communityCode(),
                    "UPDATED",
                    "第 " + importId + " 号导入更新：" + String.join("、", changed),
                    actor);
        }
    }

    private void insertRejections(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            StringBuilder sql = new StringBuilder(
                    "insert into resident_import_rejection (import_id, scope_code, row_number, field, reason) values ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?)");
                params.addAll(List.of(chunk.get(i)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private void fail(long id, String message) {
        try {
            ownTransaction.executeWithoutResult(
                    status -> jdbc.sql("""
                            update resident_import set status = 'FAILED', message = ?, finished_at = clock_timestamp()
                            where id = ? and status = 'RUNNING'
                            """).params(message, id).update());
        } catch (RuntimeException e) {
            // the database itself is gone: the sweeper marks the import at the next start
            log.warn("居民导入 {} 无法标记为失败：{}", id, e.getClass().getSimpleName());
        }
    }

    @Transactional(readOnly = true)
    public Import find(long id) {
        Import found = jdbc.sql("select * from resident_import where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("导入 " + id + " 不存在，或不在您的数据范围内"));
        Long earlier = earlierImportOfSameFile(id).orElse(null);
        return earlier == null
                ? found
                : new Import(
                        found.id(),
                        found.status(),
                        found.mode(),
                        found.fileName(),
                        found.fileKind(),
                        found.encoding(),
                        found.total(),
                        found.accepted(),
                        found.rejected(),
                        found.imported(),
                        found.created(),
                        found.updated(),
                        found.unchanged(),
                        found.message(),
                        found.createdBy(),
                        found.createdAt(),
                        found.finishedAt(),
                        earlier);
    }

    @Transactional(readOnly = true)
    public List<Import> recent(int limit) {
        return jdbc.sql("select * from resident_import order by created_at desc, id desc limit ?")
                .param(limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** {@code row,field,reason} for every rejected row, in row order; UTF-8 with BOM so that Excel reads it. */
    @Transactional(readOnly = true)
    public byte[] rejectionsCsv(long id) {
        find(id);
        StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.spreadsheetLine("row", "field", "reason"));
        jdbc.sql("""
                        select row_number, field, reason from resident_import_rejection
                        where import_id = ? order by row_number, field
                        """).param(id).query(rs -> {
            out.append(Csv.spreadsheetLine(Integer.toString(rs.getInt(1)), rs.getString(2), rs.getString(3)));
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public record RejectionLine(int row, String field, String reason) {}

    @Transactional(readOnly = true)
    public List<RejectionLine> rejections(long id, int limit) {
        find(id);
        return jdbc.sql("""
                        select row_number, field, reason from resident_import_rejection
                        where import_id = ? order by row_number, field limit ?
                        """)
                .params(id, limit)
                .query((rs, n) -> new RejectionLine(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Imports left RUNNING by an instance that no longer exists (the process died): no instance holds their liveness
     * lock ({@link ImportLiveness}). Marked FAILED at once; their transaction never committed, so nothing of them is
     * stored.
     */
    int markAbandoned() {
        List<Long> running = jdbc.sql("select id from resident_import where status = 'RUNNING'")
                .query(Long.class)
                .list();
        int marked = 0;
        try (java.sql.Connection probe = dataSource.getConnection()) {
            probe.setAutoCommit(true);
            for (long id : running) {
                if (pending.contains(id) || !liveness.abandoned(probe, id)) {
                    continue;
                }
                marked += jdbc.sql("""
                                update resident_import set status = 'FAILED', finished_at = clock_timestamp(),
                                       message = '导入被中断（平台在导入过程中停止），未导入任何数据；请重新导入'
                                where id = ? and status = 'RUNNING'
                                """).param(id).update();
            }
        } catch (java.sql.SQLException e) {
            log.warn("中断的居民导入未能检查：{}", e.getMessage());
        }
        return marked;
    }

    static Import map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Import(
                rs.getLong("id"),
                Status.valueOf(rs.getString("status")),
                Mode.valueOf(rs.getString("mode")),
                rs.getString("file_name"),
                rs.getString("file_kind"),
                rs.getString("encoding"),
                rs.getInt("total"),
                rs.getInt("accepted"),
                rs.getInt("rejected"),
                rs.getInt("imported"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getString("message"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                null);
    }

    Optional<Long> earlierImportOfSameFile(long id) {
        return jdbc.sql("""
                        select e.id from resident_import e join resident_import i on i.file_sm3 = e.file_sm3
                        where i.id = ? and e.id < i.id order by e.id desc limit 1
                        """).param(id).query(Long.class).optional();
    }
}
