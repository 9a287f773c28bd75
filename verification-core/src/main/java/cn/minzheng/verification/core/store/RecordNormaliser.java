package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.normalize.Dates;
import cn.minzheng.verification.core.normalize.IdNumbers;
import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.normalize.Names;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes, validates and normalises one delivered record at a time, leaving the typed values in its fields for the
 * caller to write. One instance per thread: it reuses its buffers and keeps a cache of normalised names keyed by the
 * name's bytes, so that a common name is decoded and converted once, not once per record.
 */
final class RecordNormaliser {

    /** What became of a record. */
    enum Kind {
        /** accepted, with a usable number: goes to src_ */
        KEYED,
        /** accepted, without a usable number: goes to res_ */
        RESIDUE,
        /** refused; the reason is in the reject list */
        REJECTED,
        /** an empty line, which is not a row */
        BLANK
    }

    private final Source source;
    private final Path file;
    private final HeaderLayout layout;
    private final Charset charset;
    private final boolean utf8;
    private final EncodingCheck encoding;
    private final Fields fields = new Fields();
    private final IdNumbers ids = new IdNumbers();
    private final NameCache names = new NameCache();
    private final ColumnType[] ownTypes;

    /** Whether this instance counts rows and records rejects (false when re-reading records already counted). */
    private final boolean counting;

    final List<Reject> rejects = new ArrayList<>();
    long read;
    long accepted;
    long usable;
    long residue;

    // The record just normalised.
    byte[] recordId;
    IdStatus status;
    long idKey;
    long nameHash;
    byte[] nameDisplay;
    /** The name as delivered (blanks at either end removed) when it differs from its display form, else null. */
    byte[] nameRecorded;

    int gender;
    int birthDay;
    /** The cleaned number text of a residue record, or null when it had none. */
    byte[] idText;

    final long[] ownNumbers;
    final double[] ownDecimals;
    final byte[][] ownTexts;

    RecordNormaliser(Source source, Path file, HeaderLayout layout, Charset charset, boolean counting) {
        this.source = source;
        this.file = file;
        this.layout = layout;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.encoding = new EncodingCheck(charset);
        this.counting = counting;
        int own = source.ownColumns().size();
        ownTypes = new ColumnType[own];
        for (int i = 0; i < own; i++) {
            ownTypes[i] = source.ownColumns().get(i).type();
        }
        ownNumbers = new long[own];
        ownDecimals = new double[own];
        ownTexts = new byte[own][];
    }

    Kind normalise(byte[] bytes, int start, int end, long line) {
        if (counting) {
            read++;
        }
        if (!encoding.valid(bytes, start, end)) {
            throw new UserError(
                    file + ": line " + line + " is not valid " + charset.name() + SourceLoader.hint(charset));
        }
        fields.split(bytes, start, end);
        if (fields.malformed) {
            return reject(line, null, "malformed quoting");
        }
        if (fields.count != layout.fieldCount) {
            if (fields.count == 1 && fields.isEmpty(0)) {
                if (counting) {
                    read--; // a blank line is not a row
                }
                return Kind.BLANK;
            }
            return reject(line, null, "expected " + layout.fieldCount + " fields, found " + fields.count);
        }
        recordId = fields.isEmpty(layout.recordId) ? null : text(layout.recordId);
        if (recordId == null) {
            return reject(line, null, "empty record_id");
        }
        status = fields.isAscii(layout.idNumber)
                ? ids.parse(fields.asciiView(layout.idNumber))
                : ids.parse(fields.text(layout.idNumber, charset));
        idKey = ids.key();
        NameCache.Entry name = name(layout.name);
        nameHash = name.hash;
        nameDisplay = name.display;
        nameRecorded = name.recorded;
        gender = gender(layout.gender);
        birthDay = date(layout.birthDate);
        // a mistyped number (bad check character or date) can still lead to its owner with the name alone: swapping
        // two neighbours back (res_swap)
        boolean typo = status == IdStatus.BAD_CHECK || status == IdStatus.BAD_DATE;
        if (!status.usable() && (nameDisplay.length == 0 || (birthDay == Dates.NONE && !typo))) {
            return reject(line, recordId, "no usable id_number (" + status + ") and no name + birth_date to link by");
        }
        String problem = parseOwn();
        if (problem != null) {
            return reject(line, recordId, problem);
        }
        if (counting) {
            accepted++;
        }
        if (status.usable()) {
            if (counting) {
                usable++;
            }
            return Kind.KEYED;
        }
        idText = status == IdStatus.EMPTY ? null : ids.cleaned().getBytes(StandardCharsets.UTF_8);
        if (counting) {
            residue++;
        }
        return Kind.RESIDUE;
    }

    private Kind reject(long line, byte[] id, String reason) {
        if (counting) {
            rejects.add(new Reject(line, id == null ? null : new String(id, StandardCharsets.UTF_8), reason));
        }
        return Kind.REJECTED;
    }

    /**
     * A field's text with surrounding whitespace removed (as {@link String#strip()}), as UTF-8 bytes. The common case —
     * UTF-8 or ASCII, no doubled quotes, no whitespace at either end — copies the bytes without decoding them.
     */
    private byte[] text(int field) {
        int s = fields.starts[field];
        int e = fields.ends[field];
        if (!fields.escaped[field] && e > s && plainEdges(fields.bytes, s, e) && (utf8 || fields.isAscii(field))) {
            return Arrays.copyOfRange(fields.bytes, s, e);
        }
        return fields.text(field, charset).strip().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether neither end of a UTF-8 range can be whitespace: ASCII whitespace and control characters, and the
     * Unicode spaces, all of which start with E1, E2 or E3 in UTF-8 (U+1680, U+2000–U+205F, U+3000).
     */
    private static boolean plainEdges(byte[] b, int s, int e) {
        int first = b[s] & 0xFF;
        if (first <= ' ' || (first >= 0xE1 && first <= 0xE3)) {
            return false;
        }
        int last = b[e - 1] & 0xFF;
        if (last <= ' ') {
            return false;
        }
        if (last >= 0x80) {
            if (e - s < 3) {
                return false;
            }
            int lead = b[e - 3] & 0xFF;
            return lead < 0xE1 || lead > 0xE3;
        }
        return true;
    }

    private NameCache.Entry name(int field) {
        int s = fields.starts[field];
        int e = fields.ends[field];
        if (fields.isEmpty(field)) {
            s = e;
        }
        if (!fields.escaped[field]) {
            NameCache.Entry cached = names.get(fields.bytes, s, e);
            if (cached != null) {
                return cached;
            }
        }
        NameCache.Entry entry;
        Names.Utf8Name quick = utf8 && !fields.escaped[field] ? Names.fromUtf8(fields.bytes, s, e) : null;
        if (quick != null) {
            // the quick path changes nothing but the script of a character (張 → 张)
            byte[] display = quick.display();
            entry = new NameCache.Entry(
                    display,
                    quick.hash(),
                    Arrays.equals(display, 0, display.length, fields.bytes, s, e)
                            ? null
                            : Arrays.copyOfRange(fields.bytes, s, e));
        } else {
            String raw = s == e ? "" : fields.text(field, charset).strip();
            String display = Names.normalise(raw);
            String key = Names.key(display);
            // A '?' stands for an unprintable character: such a name is no evidence for or against a person.
            entry = new NameCache.Entry(
                    display.getBytes(StandardCharsets.UTF_8),
                    key.indexOf('?') >= 0 ? 0 : Names.keyHash(key),
                    raw.equals(display) ? null : raw.getBytes(StandardCharsets.UTF_8));
        }
        if (!fields.escaped[field]) {
            names.put(fields.bytes, s, e, entry);
        }
        return entry;
    }

    private int gender(int field) {
        int s = fields.starts[field];
        int e = fields.ends[field];
        while (s < e && (fields.bytes[s] == ' ' || fields.bytes[s] == '\t')) {
            s++;
        }
        while (e > s && (fields.bytes[e - 1] == ' ' || fields.bytes[e - 1] == '\t')) {
            e--;
        }
        if (s == e) {
            return 0;
        }
        if (e - s == 1 && !fields.escaped[field]) {
            return switch (fields.bytes[s]) {
                case 'M', 'm', '1' -> 1;
                case 'F', 'f', '2' -> 2;
                default -> 0;
            };
        }
        String value = fields.text(field, charset).strip();
        return switch (value) {
            case "M", "m", "男", "1" -> 1;
            case "F", "f", "女", "2" -> 2;
            default -> 0;
        };
    }

    private int date(int field) {
        if (field < 0 || fields.isEmpty(field)) {
            return Dates.NONE;
        }
        if (fields.isAscii(field)) {
            int quick = Dates.parseIso(fields.bytes, fields.starts[field], fields.ends[field]);
            return quick != Dates.UNKNOWN ? quick : Dates.parse(fields.asciiView(field));
        }
        return Dates.parse(fields.text(field, charset).strip());
    }

    private int month(int field) {
        if (fields.isAscii(field)) {
            int quick = Dates.parseIsoMonth(fields.bytes, fields.starts[field], fields.ends[field]);
            return quick != Dates.UNKNOWN ? quick : Dates.parseMonth(fields.asciiView(field));
        }
        return Dates.parseMonth(fields.text(field, charset).strip());
    }

    /** Parses the own columns into the holders; returns a reject reason or null. */
    private String parseOwn() {
        for (int i = 0; i < ownTypes.length; i++) {
            int field = layout.own[i];
            ownTexts[i] = null;
            ownNumbers[i] = Long.MIN_VALUE;
            ownDecimals[i] = Double.NaN;
            if (field < 0 || fields.isEmpty(field)) {
                continue;
            }
            switch (ownTypes[i]) {
                case TEXT -> ownTexts[i] = text(field);
                case MONTH -> {
                    int day = month(field);
                    if (day == Dates.NONE) {
                        return "invalid month in " + column(i);
                    }
                    ownNumbers[i] = day;
                }
                case DATE -> {
                    int day = date(field);
                    if (day == Dates.NONE) {
                        return "invalid date in " + column(i);
                    }
                    ownNumbers[i] = day;
                }
                case MONEY, INTEGER -> {
                    try {
                        ownNumbers[i] = fields.number(field);
                    } catch (NumberFormatException e) {
                        return "not a whole number in " + column(i);
                    }
                    if (ownTypes[i] == ColumnType.INTEGER
                            && (ownNumbers[i] > Integer.MAX_VALUE || ownNumbers[i] < Integer.MIN_VALUE)) {
                        return "number out of range in " + column(i);
                    }
                }
                case DECIMAL -> {
                    try {
                        ownDecimals[i] =
                                Double.parseDouble(fields.text(field, charset).strip());
                    } catch (NumberFormatException e) {
                        return "not a number in " + column(i);
                    }
                }
            }
        }
        return null;
    }

    private String column(int i) {
        return source.ownColumns().get(i).name();
    }

    /**
     * Normalised names by the bytes they were delivered as: open addressing over a fixed table, emptied when it fills,
     * so memory stays bounded however many distinct names a file has.
     */
    static final class NameCache {

        record Entry(byte[] display, long hash, byte[] recorded) {}

        private static final int CAPACITY = 1 << 20;
        private static final int LIMIT = CAPACITY / 2;

        private final int[] hashes = new int[CAPACITY];
        private final byte[][] keys = new byte[CAPACITY][];
        private final Entry[] values = new Entry[CAPACITY];
        private int size;

        Entry get(byte[] bytes, int s, int e) {
            int h = hash(bytes, s, e);
            int slot = h & (CAPACITY - 1);
            while (true) {
                byte[] key = keys[slot];
                if (key == null) {
                    return null;
                }
                if (hashes[slot] == h && same(key, bytes, s, e)) {
                    return values[slot];
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
        }

        void put(byte[] bytes, int s, int e, Entry entry) {
            if (size >= LIMIT) {
                Arrays.fill(keys, null);
                Arrays.fill(values, null);
                size = 0;
            }
            int h = hash(bytes, s, e);
            int slot = h & (CAPACITY - 1);
            while (keys[slot] != null) {
                if (hashes[slot] == h && same(keys[slot], bytes, s, e)) {
                    return;
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
            hashes[slot] = h;
            keys[slot] = Arrays.copyOfRange(bytes, s, e);
            values[slot] = entry;
            size++;
        }

        private static boolean same(byte[] key, byte[] bytes, int s, int e) {
            if (key.length != e - s) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (key[i] != bytes[s + i]) {
                    return false;
                }
            }
            return true;
        }

        private static int hash(byte[] bytes, int s, int e) {
            int h = 0x9E3779B9;
            for (int i = s; i < e; i++) {
                h = (h ^ bytes[i]) * 0x01000193;
            }
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            return h ^ (h >>> 13);
        }
    }
}
