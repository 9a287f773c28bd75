package cn.minzheng.audit;

import cn.minzheng.shared.Sm3;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain: {@code hash = SM3(previous hash ‖ canonical entry)}. The canonical form is length-prefixed UTF-8 of every
 * field in a fixed order (a null field is length −1), so that no two different entries share a canonical form.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {}

    static String of(String prevHash, AuditEntry entry) {
        return Sm3.hex(HexFormat.of().parseHex(prevHash), canonical(entry));
    }

    static byte[] canonical(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, Long.toString(e.seq()));
        field(out, Long.toString(micros(e.occurredAt())));
        field(out, e.actor());
        field(out, e.action());
        field(out, e.targetType());
        field(out, e.targetId());
        field(out, e.scopeCode());
        field(out, e.result());
        field(out, e.reason());
        field(out, e.clientAddress());
        return out.toByteArray();
    }

    /** PostgreSQL keeps microseconds; the hash is computed on what the database keeps. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
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
}
