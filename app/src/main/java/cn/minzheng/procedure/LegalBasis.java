package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 法律依据目录: laws, regulations, ministerial rules and normative documents with their articles and dates in force.
 * Everyone signed in may read and search it; the legal unit (法制审核员) and the business department (业务科室) keep it
 * up to date. Summaries are the bureau's own short paraphrases, never the official text.
 */
@Service
public class LegalBasis {

    static final Set<String> KINDS = Set.of(
            "LAW",
            "ADMINISTRATIVE_REGULATION",
            "MINISTERIAL_RULE",
            "STATE_COUNCIL_DOCUMENT",
            "MINISTERIAL_DOCUMENT",
            "LOCAL_NORMATIVE_DOCUMENT",
            "STANDARD");

    static final Map<String, String> KIND_LABELS = Map.of(
            "LAW", "法律",
            "ADMINISTRATIVE_REGULATION", "行政法规",
            "MINISTERIAL_RULE", "部门规章",
            "STATE_COUNCIL_DOCUMENT", "国务院规范性文件",
            "MINISTERIAL_DOCUMENT", "部门规范性文件",
            "LOCAL_NORMATIVE_DOCUMENT", "地方规范性文件",
            "STANDARD", "标准");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LegalBasis(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Article(
            String article, String label, String summary, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    public record Document(
            String code,
            String title,
            String shortTitle,
            String kind,
            String kindLabel,
            String issuer,
            String documentNumber,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String confidence,
            String note,
            List<Article> articles) {

        public boolean inForceOn(LocalDate date) {
            return (effectiveFrom == null || !effectiveFrom.isAfter(date))
                    && (effectiveTo == null || effectiveTo.isAfter(date));
        }
    }

    /**
     * Documents whose title, short title or number contain the text, or with an article whose summary does (then only
     * the matching articles are listed). An empty query lists the whole catalogue.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Document> search(String q) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return documents(null, null);
        }
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return documents(like, text);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Document> document(String code) {
        List<Document> found = documents(null, null).stream()
                .filter(d -> d.code().equals(code))
                .toList();
        return found.stream().findFirst();
    }

    /** Resolves a reference to its citation; refused when the catalogue does not hold it. */
    @Transactional(readOnly = true)
    public Citation cite(Basis basis) {
        return find(basis).orElseThrow(() -> new BusinessRuleViolation("法律依据目录中没有 " + basis + "，请先在“法律依据”中录入该文件和条文"));
    }

    @Transactional(readOnly = true)
    public Optional<Citation> find(Basis basis) {
        if (basis.article() == null) {
            return jdbc.sql("select * from legal_document where code = ?")
                    .param(basis.document())
                    .query((rs, n) -> citation(rs, null, null, null))
                    .optional();
        }
        return jdbc.sql("""
                        select d.*, a.article, a.label, a.summary from legal_document d
                        join legal_article a on a.document_code = d.code
                        where d.code = ? and a.article = ?
                        """)
                .params(basis.document(), basis.article())
                .query((rs, n) -> citation(rs, rs.getString("article"), rs.getString("label"), rs.getString("summary")))
                .optional();
    }

    public record NewDocument(
            String code,
            String title,
            String shortTitle,
            String kind,
            String issuer,
            String documentNumber,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String confidence,
            String note) {}

    public record NewArticle(String article, String label, String summary) {}

    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER')")
    @Transactional
    public Document addDocument(NewDocument d) {
        insertDocument(d, Actor.current().username());
        audit.record(AuditEvent.success("LEGAL_DOCUMENT_ADDED", "legal_document", d.code()));
        return document(d.code()).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER')")
    @Transactional
    public Document addArticle(String code, NewArticle a) {
        document(code).orElseThrow(() -> new NotFound("法律依据目录中没有文件 " + code));
        insertArticle(code, a, Actor.current().username());
        audit.record(AuditEvent.success("LEGAL_ARTICLE_ADDED", "legal_document", code)
                .because(a.article()));
        return document(code).orElseThrow();
    }

    /** Records that a document ceased to be in force (废止、被替代); history stays in the catalogue. */
    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER')")
    @Transactional
    public Document endValidity(String code, LocalDate effectiveTo, String note) {
        Document document = document(code).orElseThrow(() -> new NotFound("法律依据目录中没有文件 " + code));
        if (document.effectiveFrom() != null && !effectiveTo.isAfter(document.effectiveFrom())) {
            throw new BusinessRuleViolation("失效日期须晚于施行日期" + Formats.date(document.effectiveFrom()));
        }
        jdbc.sql("update legal_document set effective_to = ?, note = coalesce(note || '；', '') || ? where code = ?")
                .params(effectiveTo, "失效：" + note, code)
                .update();
        audit.record(AuditEvent.success("LEGAL_DOCUMENT_ENDED", "legal_document", code)
                .because(effectiveTo.toString()));
        return document(code).orElseThrow();
    }

    void insertDocument(NewDocument d, String by) {
        if (d.code() == null || !d.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new BusinessRuleViolation("文件代码须为2–40位大写字母、数字或下划线，并以字母开头");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw new BusinessRuleViolation("请填写文件标题");
        }
        if (!KINDS.contains(d.kind())) {
            throw new BusinessRuleViolation("文件类别须为：" + String.join("、", KIND_LABELS.values()));
        }
        if (d.issuer() == null || d.issuer().isBlank()) {
            throw new BusinessRuleViolation("请填写制定机关");
        }
        String confidence = d.confidence() == null ? "U" : d.confidence();
        if (!Set.of("V", "S", "U").contains(confidence)) {
            throw new BusinessRuleViolation("核实程度须为 V（已核实全文）、S（二手来源）或 U（未核实）");
        }
        if (jdbc.sql("select count(*) from legal_document where code = ?")
                        .param(d.code())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new BusinessRuleViolation("文件代码 " + d.code() + " 已存在");
        }
        jdbc.sql("""
                        insert into legal_document (code, title, short_title, kind, issuer, document_number,
                            effective_from, effective_to, confidence, note, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        d.code(),
                        d.title().strip(),
                        blankToNull(d.shortTitle()),
                        d.kind(),
                        d.issuer().strip(),
                        blankToNull(d.documentNumber()),
                        d.effectiveFrom(),
                        d.effectiveTo(),
                        confidence,
                        blankToNull(d.note()),
                        by)
                .update();
    }

    void insertArticle(String code, NewArticle a, String by) {
        if (a.article() == null || !a.article().matches("[0-9A-Za-z.()-]{1,20}")) {
            throw new BusinessRuleViolation("条文编号须为阿拉伯数字（如 19）或简短编号（如 2.3）");
        }
        if (a.summary() == null
                || a.summary().strip().length() < 2
                || a.summary().strip().length() > 500) {
            throw new BusinessRuleViolation("请填写条文摘要（2–500字，用自己的话概括，不照抄原文）");
        }
        if (jdbc.sql("select count(*) from legal_article where document_code = ? and article = ?")
                        .params(code, a.article())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new BusinessRuleViolation(code + " 的第 " + a.article() + " 条已在目录中");
        }
        String label = a.label() == null || a.label().isBlank() ? Formats.articleLabel(a.article()) : a.label();
        jdbc.sql("""
                        insert into legal_article (document_code, article, label, summary, sort_key, created_by)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(code, a.article(), label, a.summary().strip(), sortKey(a.article()), by)
                .update();
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from legal_document where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean articleExists(String code, String article) {
        return jdbc.sql("select count(*) from legal_article where document_code = ? and article = ?")
                        .params(code, article)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<Document> documents(String like, String text) {
        String where = like == null ? "" : """
                 where d.title ilike :like or d.short_title ilike :like or d.document_number ilike :like
                    or d.issuer ilike :like
                    or exists (select 1 from legal_article x where x.document_code = d.code and x.summary ilike :like)
                """;
        var spec = jdbc.sql("select d.* from legal_document d " + where + " order by d.kind, d.code");
        if (like != null) {
            spec = spec.param("like", like);
        }
        record Row(Document document, boolean titleMatch) {}
        List<Row> rows = spec.query((rs, n) -> new Row(
                        document(rs, new ArrayList<>()),
                        like == null
                                || contains(rs.getString("title"), text)
                                || contains(rs.getString("short_title"), text)
                                || contains(rs.getString("document_number"), text)
                                || contains(rs.getString("issuer"), text)))
                .list();
        Map<String, Row> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put(r.document().code(), r));
        if (!byCode.isEmpty()) {
            jdbc.sql("select * from legal_article order by document_code, sort_key, article")
                    .query(rs -> {
                        Row row = byCode.get(rs.getString("document_code"));
                        if (row == null) {
                            return;
                        }
                        if (!row.titleMatch() && !contains(rs.getString("summary"), text)) {
                            return;
                        }
                        row.document()
                                .articles()
                                .add(new Article(
                                        rs.getString("article"),
                                        rs.getString("label"),
                                        rs.getString("summary"),
                                        rs.getObject("effective_from", LocalDate.class),
                                        rs.getObject("effective_to", LocalDate.class)));
                    });
        }
        return byCode.values().stream().map(Row::document).toList();
    }

    private static boolean contains(String value, String text) {
        return value != null && text != null && value.toLowerCase().contains(text.toLowerCase());
    }

    private static Document document(ResultSet rs, List<Article> articles) throws SQLException {
        String kind = rs.getString("kind");
        return new Document(
                rs.getString("code"),
                rs.getString("title"),
                rs.getString("short_title"),
                kind,
                KIND_LABELS.getOrDefault(kind, kind),
                rs.getString("issuer"),
                rs.getString("document_number"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                rs.getString("confidence"),
                rs.getString("note"),
                articles);
    }

    private static Citation citation(ResultSet rs, String article, String label, String summary) throws SQLException {
        return new Citation(
                rs.getString("code"),
                article,
                rs.getString("title"),
                label,
                summary,
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                rs.getString("confidence"));
    }

    static int sortKey(String article) {
        StringBuilder digits = new StringBuilder();
        for (char c : article.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                break;
            }
        }
        return digits.length() == 0 || digits.length() > 6 ? 999_999 : Integer.parseInt(digits.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
