package cn.minzheng.audit;

import cn.minzheng.platform.crypto.AnchorKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anchors of the audit chain outside the database (AL-3): from time to time the chain's head — its last sequence number
 * and hash — is signed with HMAC-SM3 under a key the database does not hold ({@link AnchorKey}) and appended as one
 * line to {@code data/audit/anchors.log}, and written to the platform log. Whoever controls only the database can then
 * no longer rewrite or cut off the tail unnoticed: {@code audit-verify} finds that an anchored entry is missing or no
 * longer has the anchored hash. Entries after the newest anchor are protected by the chain alone until the next one.
 *
 * <p>Line format: {@code seq=<n> hash=<64 hex> at=<ISO-8601 instant> mac=<64 hex>}, the MAC over
 * {@code minzheng-audit-anchor/v1|seq|hash|at}.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final Pattern LINE = Pattern.compile("seq=(\\d+) hash=([0-9a-f]{64}) at=(\\S+) mac=([0-9a-f]{64})");

    private final JdbcClient jdbc;
    private final AuditChainer chainer;
    private final AnchorKey key;
    private final Clock clock;
    /** Null when anchoring is switched off (an empty {@code minzheng.audit.anchor-file}). */
    private final Path file;

    @Autowired
    AuditAnchors(
            JdbcClient jdbc,
            AuditChainer chainer,
            AnchorKey key,
            Clock clock,
            @Value("${minzheng.audit.anchor-file:${minzheng.data-dir}/audit/anchors.log}") String file) {
        this(jdbc, chainer, key, clock, file == null || file.isBlank() ? null : Path.of(file));
    }

    AuditAnchors(JdbcClient jdbc, AuditChainer chainer, AnchorKey key, Clock clock, Path file) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.key = key;
        this.clock = clock;
        this.file = file == null ? null : file.toAbsolutePath().normalize();
    }

    record Anchor(long seq, String hash, Instant at, String mac) {

        String line() {
            return "seq=" + seq + " hash=" + hash + " at=" + at + " mac=" + mac;
        }
    }

    static String signed(long seq, String hash, Instant at) {
        return "minzheng-audit-anchor/v1|" + seq + "|" + hash + "|" + at;
    }

    /**
     * Links what has been committed ({@link AuditChainer}), then anchors the head, unless it is anchored already; the
     * new anchor, if any.
     */
    synchronized Optional<Anchor> anchorHead() {
        if (file == null) {
            return Optional.empty();
        }
        chainer.catchUp();
        record Head(long seq, String hash) {}
        Optional<Head> head = jdbc.sql(
                        "select seq, hash from audit_entry where seq is not null order by seq desc limit 1")
                .query(Head.class)
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<Anchor> last = read().anchors().stream().reduce((a, b) -> b);
        if (last.isPresent() && last.get().seq() == head.get().seq()) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        Anchor anchor = new Anchor(
                head.get().seq(),
                head.get().hash(),
                at,
                key.mac(signed(head.get().seq(), head.get().hash(), at)));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    anchor.line() + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计链锚点文件 " + file, e);
        }
        log.info("审计链锚点：{}", anchor.line());
        return Optional.of(anchor);
    }

    /** The anchors in the file, and the lines that are not well-formed anchors signed with this key. */
    record Read(List<Anchor> anchors, List<Integer> badLines) {}

    Read read() {
        if (file == null || !Files.exists(file)) {
            return new Read(List.of(), List.of());
        }
        List<Anchor> anchors = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计链锚点文件 " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(lines.get(i).strip());
            try {
                if (m.matches()) {
                    long seq = Long.parseLong(m.group(1));
                    Instant at = Instant.parse(m.group(3));
                    if (key.verify(signed(seq, m.group(2), at), m.group(4))) {
                        anchors.add(new Anchor(seq, m.group(2), at, m.group(4)));
                        continue;
                    }
                }
            } catch (RuntimeException e) {
                // a malformed number or time: counted as a bad line below
            }
            bad.add(i + 1);
        }
        return new Read(anchors, bad);
    }

    /**
     * Compares the anchors with the chain that was just walked: every anchored entry must still be there with the
     * anchored hash. Returns the verification as it stands after that comparison.
     */
    ChainVerification check(ChainVerification chain) {
        if (file == null) {
            return chain;
        }
        Read read = read();
        if (!read.badLines().isEmpty()) {
            return chain.anchored(
                    read.anchors().size(),
                    0L,
                    "锚点文件 " + file + " 第 " + read.badLines().get(0) + " 行不是以本平台密钥签名的锚点（锚点文件被改动，或密钥不是写入锚点时的密钥）",
                    0);
        }
        if (read.anchors().isEmpty()) {
            return chain.anchored(0, null, null, 0);
        }
        Map<Long, String> anchored = new HashMap<>();
        read.anchors().forEach(a -> anchored.put(a.seq(), a.hash()));
        Map<Long, String> stored = new HashMap<>();
        jdbc.sql("select seq, hash from audit_entry where seq = any(?)")
                .param(anchored.keySet().toArray(Long[]::new))
                .query((rs, n) -> stored.put(rs.getLong(1), rs.getString(2)))
                .list();
        long first = anchored.keySet().stream()
                .filter(seq -> !anchored.get(seq).equals(stored.get(seq)))
                .min(Long::compare)
                .orElse(-1L);
        if (first < 0) {
            return chain.anchored(read.anchors().size(), null, null, 0);
        }
        long goodUpTo = anchored.keySet().stream()
                .filter(seq -> seq < first)
                .max(Long::compare)
                .orElse(0L);
        String why = stored.containsKey(first)
                ? "第 " + first + " 条记录与外部锚点记下的哈希不符，链尾可能被改写"
                : "外部锚点记下了第 " + first + " 条记录，数据库中已没有它，链尾可能被截断";
        return chain.anchored(read.anchors().size(), first, why, goodUpTo);
    }
}
