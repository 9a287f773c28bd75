package cn.minzheng.verification.core.store;

import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.normalize.Dates;
import cn.minzheng.verification.core.normalize.IdNumbers;
import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.normalize.Names;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** One loader worker: decodes, validates and normalises records and appends them to src_/res_ tables. */
final class RowWriter {

    private static final int NAME_CACHE_LIMIT = 200_000;
    /** Rows staged in memory before they move to the file in one INSERT … SELECT. */
    private static final int STAGE_ROWS = 1 << 20;
    /** Switch for comparing the two append paths (-Dminzheng.load.staging=false appends straight to the file). */
    private static final boolean STAGING = !"false".equals(System.getProperty("minzheng.load.staging"));

    private final Source source;
    private final Path file;
    private final HeaderLayout layout;
    private final Charset charset;
    private final DuckDBConnection connection;
    // Created on the worker thread: the appender refuses use from a thread other than its creator.
    private DuckDBAppender keyed;
    private DuckDBAppender residueAppender;
    private final List<Reject> rejects;
    private final EncodingCheck encoding;
    private final Fields fields = new Fields();
    private final IdNumbers ids = new IdNumbers();
    private final Map<String, NormalName> names = new HashMap<>();
    private final ColumnType[] ownTypes;
    private final long[] ownNumbers;
    private final double[] ownDecimals;
    private final String[] ownTexts;

    long read;
    long accepted;
    long usable;
    long residue;

    private record NormalName(String display, long hash) {}

    RowWriter(
            Source source,
            Path file,
            HeaderLayout layout,
            Charset charset,
            DuckDBConnection connection,
            List<Reject> rejects)
            throws SQLException {
        this.source = source;
        this.file = file;
        this.layout = layout;
        this.charset = charset;
        this.connection = connection;
        this.rejects = rejects;
        this.encoding = new EncodingCheck(charset);
        int own = source.ownColumns().size();
        ownTypes = new ColumnType[own];
        for (int i = 0; i < own; i++) {
            ownTypes[i] = source.ownColumns().get(i).type();
        }
        ownNumbers = new long[own];
        ownDecimals = new double[own];
        ownTexts = new String[own];
    }

    void drain(BlockingQueue<RecordBatch> queue, AtomicReference<Throwable> failure) throws Exception {
        // One transaction per worker: in auto-commit every appender flush (2,048 rows) would be its own commit,
        // written through the WAL, which was measured to cost most of the load time.
        connection.setAutoCommit(false);
        // Appending straight into the file's table was measured about twice as slow as appending into an in-memory
        // temp table and moving the rows over with INSERT … SELECT, which DuckDB compresses and writes in bulk.
        if (!STAGING) {
            keyed = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, source.table());
        } else {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE stage AS SELECT * FROM main." + source.table() + " LIMIT 0");
            }
            keyed = connection.createAppender("temp", "main", "stage");
        }
        residueAppender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, source.residueTable());
        while (failure.get() == null) {
            RecordBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
            if (batch == null) {
                continue;
            }
            if (batch == RecordBatch.END) {
                break;
            }
            for (int r = 0; r < batch.count; r++) {
                if (batch.starts[r] < batch.ends[r]) {
                    row(batch.bytes, batch.starts[r], batch.ends[r], batch.lines[r]);
                }
            }
        }
        moveStage();
        residueAppender.flush();
        if (failure.get() == null) {
            connection.commit();
        }
    }

    private void moveStage() throws SQLException {
        if (!STAGING) {
            keyed.flush();
            return;
        }
        keyed.close();
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO main." + source.table() + " SELECT * FROM temp.main.stage");
            statement.execute("TRUNCATE temp.main.stage");
        }
        staged = 0;
        keyed = connection.createAppender("temp", "main", "stage");
    }

    private long staged;

    void closeQuietly() {
        try {
            if (keyed != null) {
                keyed.close();
            }
            if (residueAppender != null) {
                residueAppender.close();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure; the failure itself is reported
        }
    }

    private void row(byte[] bytes, int start, int end, long line) throws SQLException {
        read++;
        if (!encoding.valid(bytes, start, end)) {
            throw new UserError(
                    file + ": line " + line + " is not valid " + charset.name() + SourceLoader.hint(charset));
        }
        fields.split(bytes, start, end);
        if (fields.malformed) {
            reject(line, null, "malformed quoting");
            return;
        }
        if (fields.count != layout.fieldCount) {
            if (fields.count == 1 && fields.isEmpty(0)) {
                read--; // a blank line is not a row
                return;
            }
            reject(line, null, "expected " + layout.fieldCount + " fields, found " + fields.count);
            return;
        }
        String recordId = fields.trimmedOrNull(layout.recordId, charset);
        if (recordId == null) {
            reject(line, null, "empty record_id");
            return;
        }
        IdStatus status = fields.isAscii(layout.idNumber)
                ? ids.parse(fields.asciiView(layout.idNumber))
                : ids.parse(fields.text(layout.idNumber, charset));
        NormalName name = name(fields.isEmpty(layout.name) ? "" : fields.text(layout.name, charset));
        int gender = gender(layout.gender);
        int birth = date(layout.birthDate);
        if (!status.usable() && (name.display.isEmpty() || birth == Dates.NONE)) {
            reject(line, recordId, "no usable id_number (" + status + ") and no name + birth_date to link by");
            return;
        }
        String problem = parseOwn();
        if (problem != null) {
            reject(line, recordId, problem);
            return;
        }
        DuckDBAppender target = status.usable() ? keyed : residueAppender;
        target.beginRow();
        target.append(recordId);
        if (status.usable()) {
            target.append(ids.key());
        } else {
            target.appendNull();
        }
        target.append((byte) status.ordinal());
        target.append(name.hash);
        target.append((byte) gender);
        if (birth == Dates.NONE) {
            target.appendNull();
        } else {
            target.appendEpochDays(birth);
        }
        appendOwn(target);
        if (!status.usable()) {
            if (status == IdStatus.EMPTY) {
                target.appendNull();
            } else {
                target.append(ids.cleaned());
            }
            target.append(name.display);
        }
        target.endRow();
        accepted++;
        if (status.usable()) {
            usable++;
            if (++staged >= STAGE_ROWS) {
                moveStage();
            }
        } else {
            residue++;
        }
    }

    private NormalName name(String raw) {
        NormalName cached = names.get(raw);
        if (cached == null) {
            String display = Names.normalise(raw);
            String key = Names.key(display);
            // A '?' stands for an unprintable character: such a name is no evidence for or against a person.
            cached = new NormalName(display, key.indexOf('?') >= 0 ? 0 : Names.keyHash(key));
            if (names.size() >= NAME_CACHE_LIMIT) {
                names.clear();
            }
            names.put(raw, cached);
        }
        return cached;
    }

    private int gender(int field) {
        if (fields.isEmpty(field)) {
            return 0;
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
        return fields.isAscii(field)
                ? Dates.parse(fields.asciiView(field))
                : Dates.parse(fields.text(field, charset).strip());
    }

    private int month(int field) {
        return fields.isAscii(field)
                ? Dates.parseMonth(fields.asciiView(field))
                : Dates.parseMonth(fields.text(field, charset).strip());
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
            String column = source.ownColumns().get(i).name();
            switch (ownTypes[i]) {
                case TEXT -> ownTexts[i] = fields.text(field, charset).strip();
                case MONTH -> {
                    int day = month(field);
                    if (day == Dates.NONE) {
                        return "invalid month in " + column;
                    }
                    ownNumbers[i] = day;
                }
                case DATE -> {
                    int day = date(field);
                    if (day == Dates.NONE) {
                        return "invalid date in " + column;
                    }
                    ownNumbers[i] = day;
                }
                case MONEY, INTEGER -> {
                    try {
                        ownNumbers[i] = fields.number(field);
                    } catch (NumberFormatException e) {
                        return "not a whole number in " + column;
                    }
                    if (ownTypes[i] == ColumnType.INTEGER
                            && (ownNumbers[i] > Integer.MAX_VALUE || ownNumbers[i] < Integer.MIN_VALUE)) {
                        return "number out of range in " + column;
                    }
                }
                case DECIMAL -> {
                    try {
                        ownDecimals[i] =
                                Double.parseDouble(fields.text(field, charset).strip());
                    } catch (NumberFormatException e) {
                        return "not a number in " + column;
                    }
                }
            }
        }
        return null;
    }

    private void appendOwn(DuckDBAppender target) throws SQLException {
        for (int i = 0; i < ownTypes.length; i++) {
            switch (ownTypes[i]) {
                case TEXT -> {
                    if (ownTexts[i] == null) {
                        target.appendNull();
                    } else {
                        target.append(ownTexts[i]);
                    }
                }
                case DATE, MONTH -> {
                    if (ownNumbers[i] == Long.MIN_VALUE) {
                        target.appendNull();
                    } else {
                        target.appendEpochDays((int) ownNumbers[i]);
                    }
                }
                case MONEY -> {
                    if (ownNumbers[i] == Long.MIN_VALUE) {
                        target.appendNull();
                    } else {
                        target.append(ownNumbers[i]);
                    }
                }
                case INTEGER -> {
                    if (ownNumbers[i] == Long.MIN_VALUE) {
                        target.appendNull();
                    } else {
                        target.append((int) ownNumbers[i]);
                    }
                }
                case DECIMAL -> {
                    if (Double.isNaN(ownDecimals[i])) {
                        target.appendNull();
                    } else {
                        target.append(ownDecimals[i]);
                    }
                }
            }
        }
    }

    private void reject(long line, String recordId, String reason) {
        rejects.add(new Reject(line, recordId, reason));
    }
}
