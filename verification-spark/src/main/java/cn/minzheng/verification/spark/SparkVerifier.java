package cn.minzheng.verification.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import cn.minzheng.verification.core.cli.Csv;
import cn.minzheng.verification.core.link.DuckDbVerifier;
import cn.minzheng.verification.core.link.NameBirthJudge;
import cn.minzheng.verification.core.link.NameBirthSql;
import cn.minzheng.verification.core.link.ProbePerson;
import cn.minzheng.verification.core.link.RunReport;
import cn.minzheng.verification.core.link.SourcePrior;
import cn.minzheng.verification.core.link.TranspositionSql;
import cn.minzheng.verification.core.normalize.Dates;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.rules.RuleSql;
import cn.minzheng.verification.core.store.Source;
import cn.minzheng.verification.core.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The verification run on Spark: the same tiers as the DuckDB engine (ID with the name check, then name + birth date
 * for review, judged by the same {@link NameBirthJudge} on the same evidence) and the same rule catalogue, rendered by {@link RuleSql} and run
 * through Spark SQL on views named like the DuckDB temp tables. The probe is broadcast: it is small next to the
 * sources, and a sort-merge join was measured ten times slower here.
 */
public final class SparkVerifier {

    private final SparkSession spark;
    private final String parquetDir;
    private final RunReport report;

    public SparkVerifier(SparkSession spark, String parquetDir, RunReport report) {
        this.spark = spark;
        this.parquetDir = parquetDir.endsWith("/") ? parquetDir : parquetDir + "/";
        this.report = report;
    }

    private Dataset<Row> table(String name) {
        return spark.read().parquet(parquetDir + name + ".parquet");
    }

    /** The normalised probe as a broadcastable data set. */
    public Dataset<Row> probe(List<ProbePerson> persons) {
        StructType schema = new StructType()
                .add("person_id", DataTypes.StringType)
                .add("household_id", DataTypes.StringType)
                .add("household_size", DataTypes.IntegerType)
                .add("id_key", DataTypes.LongType)
                .add("id_text", DataTypes.StringType)
                .add("name", DataTypes.StringType)
                .add("name_hash", DataTypes.LongType)
                .add("gender", DataTypes.ByteType)
                .add("birth_date", DataTypes.DateType);
        List<Row> rows = new ArrayList<>(persons.size());
        for (ProbePerson p : persons) {
            rows.add(RowFactory.create(
                    p.personId(),
                    p.householdId(),
                    p.householdSize(),
                    p.idKey() >= 0 ? p.idKey() : null,
                    p.idText(),
                    p.name(),
                    p.nameHash(),
                    (byte) p.gender(),
                    p.birthDay() == Dates.NONE ? null : java.sql.Date.valueOf(LocalDate.ofEpochDay(p.birthDay()))));
        }
        Dataset<Row> probe = spark.createDataFrame(rows, schema).cache();
        probe.createOrReplaceTempView("probe");
        report.count("probe_persons", persons.size());
        return probe;
    }

    /**
     * Both tiers; afterwards {@link #links} holds (person_id, source, record_id, tier) and the temp views l_<code>
     * give each source's linked records with their columns, as the rule catalogue expects.
     */
    public void link(Dataset<Row> probe) {
        Dataset<Row> p = broadcast(probe.alias("p"));
        Source[] sources = Source.values();
        Dataset<Row> keyed = null;
        Dataset<Row> residue = null;
        for (Source source : sources) {
            Dataset<Row> k = table(source.table())
                    .select(
                            lit(source.code()).as("source"),
                            col("record_id"),
                            col("id_key"),
                            col("name_hash"),
                            col("birth_date"),
                            col("gender"));
            Dataset<Row> r = table(source.residueTable())
                    .select(
                            lit(source.code()).as("source"),
                            col("record_id"),
                            col("name_hash"),
                            col("birth_date"),
                            col("gender"),
                            col("id_status").cast("int").as("id_status"),
                            col("id_text"),
                            col("name").as("record_name"));
            keyed = keyed == null ? k : keyed.unionAll(k);
            residue = residue == null ? r : residue.unionAll(r);
        }
        // ID tier: one broadcast join of the probe against the keys of all sources.
        Dataset<Row> joined = keyed.alias("r")
                .join(p, col("r.id_key").equalTo(col("p.id_key")))
                .select(
                        col("p.person_id"),
                        col("r.source"),
                        col("r.record_id"),
                        col("r.name_hash"),
                        col("r.birth_date"),
                        col("r.gender"),
                        // the same name check as the DuckDB engine, by the same SQL expression
                        org.apache
                                .spark
                                .sql
                                .functions
                                .expr(DuckDbVerifier.NAME_CONFLICT)
                                .as("name_conflict"))
                .cache();
        Dataset<Row> byId = joined.where(col("name_conflict").equalTo(false))
                .select(
                        col("person_id"),
                        col("source"),
                        col("record_id"),
                        lit("ID").as("tier"),
                        lit(null).cast("string").as("note"));
        // A match whose name belongs to someone else is refused and goes to the name + birth date tier.
        Dataset<Row> refused = joined.where(col("name_conflict"))
                .select(
                        col("source"),
                        col("record_id"),
                        col("name_hash"),
                        col("birth_date"),
                        col("gender"),
                        lit(-1).as("id_status"),
                        lit(null).cast("string").as("id_text"),
                        // src_ tables keep the name's key only
                        lit(null).cast("string").as("record_name"))
                .dropDuplicates("source", "record_id");
        long conflicts = refused.count();
        report.phase("id_tier");
        report.count("id_name_conflicts", conflicts);
        report.phase("name_check");

        // records whose number has two neighbours swapped: the same rule and SQL text as the DuckDB engine
        Source register = Source.REGISTER;
        Dataset<Row> registered = table(register.table());
        registered
                .select(col("id_key"), col("name_hash"), col("birth_date"), col("gender"))
                .createOrReplaceTempView("register_numbered");
        table("res_swap").createOrReplaceTempView("res_swap");
        List<TranspositionSql.Candidate> swaps = new ArrayList<>();
        for (Row row : spark.sql(TranspositionSql.candidatesQuery()).collectAsList()) {
            swaps.add(new TranspositionSql.Candidate(
                    row.getString(0), row.getString(1), row.getLong(2), row.isNullAt(3) ? null : row.getString(3)));
        }
        List<TranspositionSql.Link> swapLinks = TranspositionSql.decide(swaps);
        report.count(
                "transposition_links",
                swapLinks.stream().filter(l -> l.tier().equals("ID")).count());
        report.count(
                "transposition_reviews",
                swapLinks.stream().filter(l -> !l.tier().equals("ID")).count());
        List<Row> decided = new ArrayList<>();
        for (String record : TranspositionSql.decidedRecords(swaps)) {
            int cut = record.indexOf('\u0000');
            decided.add(RowFactory.create(record.substring(0, cut), record.substring(cut + 1)));
        }
        Dataset<Row> decidedRecords = spark.createDataFrame(
                decided, new StructType().add("source", DataTypes.StringType).add("record_id", DataTypes.StringType));
        report.phase("transpositions");

        residue.unionAll(refused)
                .join(broadcast(decidedRecords), new String[] {"source", "record_id"}, "left_anti")
                .alias("r")
                .join(
                        p,
                        col("p.name_hash")
                                .equalTo(col("r.name_hash"))
                                .and(col("p.birth_date").equalTo(col("r.birth_date"))))
                .where(col("r.name_hash")
                        .notEqual(0)
                        .and(col("r.gender")
                                .equalTo(0)
                                .or(col("p.gender").equalTo(0))
                                .or(col("r.gender").equalTo(col("p.gender")))))
                .select(
                        col("r.source"),
                        col("r.record_id"),
                        col("p.person_id"),
                        col("r.id_status"),
                        col("r.id_text"),
                        col("p.id_text").as("person_id_text"),
                        col("r.record_name"),
                        col("p.name").as("person_name"))
                .cache()
                .createOrReplaceTempView("nb_cand");
        // the same evidence as the DuckDB engine, by the same SQL text
        byId.where(col("source").isin(onePerPersonCodes()))
                .select(col("source"), col("person_id"), col("record_id"))
                .createOrReplaceTempView("single_links");
        // an export of a store written before the register kept its names has none for numbered registrations
        Column numberedNames = Arrays.asList(registered.columns()).contains("name")
                ? col("name")
                : lit(null).cast("string").as("name");
        registered
                .select(
                        lit(true).as("numbered"),
                        col("id_key"),
                        lit(null).cast("string").as("record_id"),
                        col("name_hash"),
                        col("birth_date"),
                        col("gender"),
                        numberedNames)
                .unionAll(table(register.residueTable())
                        .select(
                                lit(false).as("numbered"),
                                lit(null).cast("long").as("id_key"),
                                col("record_id"),
                                col("name_hash"),
                                col("birth_date"),
                                col("gender"),
                                col("name")))
                .createOrReplaceTempView("register");
        java.util.Map<String, SourcePrior> priors = priors(probe, byId);
        List<Row> found = spark.sql(NameBirthSql.evidenceQuery()).collectAsList();
        List<Row> accepted = new ArrayList<>();
        java.util.Map<String, Long> refusals = new java.util.TreeMap<>();
        for (Row row : found) {
            NameBirthJudge.Verdict verdict = NameBirthSql.judge(
                    new NameBirthSql.EvidenceRow<RuntimeException>() {
                        @Override
                        public String text(int column) {
                            return row.getString(column);
                        }

                        @Override
                        public long number(int column) {
                            return ((Number) row.get(column)).longValue();
                        }
                    },
                    priors);
            if (verdict == NameBirthJudge.Verdict.LINK) {
                accepted.add(
                        RowFactory.create(row.getString(2), row.getString(0), row.getString(1), "NAME_BIRTH", null));
            } else {
                refusals.merge(verdict.counter(), 1L, Long::sum);
            }
        }
        refusals.forEach(report::count);
        report.count("name_birth_candidates", found.size());
        report.count("name_birth_links", accepted.size());
        StructType linkSchema = new StructType()
                .add("person_id", DataTypes.StringType)
                .add("source", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add("tier", DataTypes.StringType)
                .add("note", DataTypes.StringType);
        for (TranspositionSql.Link link : swapLinks) {
            accepted.add(RowFactory.create(link.personId(), link.source(), link.recordId(), link.tier(), link.note()));
        }
        links = byId.unionAll(spark.createDataFrame(accepted, linkSchema))
                .dropDuplicates("person_id", "source", "record_id")
                .cache();
        links.count();
        report.phase("name_birth_tier");

        // Per source, the linked records with their columns, for the rules (evaluated lazily by each rule query).
        for (Source source : sources) {
            Dataset<Row> records = sourceColumnsOf(table(source.table()), source)
                    .unionByName(sourceColumnsOf(table(source.residueTable()), source))
                    .alias("r");
            links.where(col("source").equalTo(source.code()))
                    .alias("k")
                    .join(p, col("p.person_id").equalTo(col("k.person_id")))
                    .join(records, col("r.record_id").equalTo(col("k.record_id")))
                    .select(concat(
                            new Column[] {
                                col("p.person_id"),
                                col("p.household_id"),
                                col("p.household_size"),
                                col("k.tier"),
                                col("k.note").as("link_note")
                            },
                            sourceColumns(source, "r")))
                    .dropDuplicates("person_id", "record_id")
                    .createOrReplaceTempView("l_" + source.code());
        }
    }

    private Dataset<Row> links;

    /** Each source's {@link SourcePrior}, counted as the DuckDB engine counts it. */
    private java.util.Map<String, SourcePrior> priors(Dataset<Row> probe, Dataset<Row> byId) {
        long probePersons = probe.where(col("id_key").isNotNull()).count();
        Source register = Source.REGISTER;
        long registerRecords =
                table(register.table()).count() + table(register.residueTable()).count();
        java.util.Map<String, Long> linked = new java.util.HashMap<>();
        for (Row row : byId.dropDuplicates("person_id", "source", "record_id")
                .groupBy("source")
                .count()
                .collectAsList()) {
            linked.put(row.getString(0), row.getLong(1));
        }
        java.util.Map<String, SourcePrior> priors = new java.util.HashMap<>();
        for (Source source : Source.values()) {
            long sourceRecords =
                    table(source.table()).count() + table(source.residueTable()).count();
            priors.put(
                    source.code(),
                    new SourcePrior(
                            linked.getOrDefault(source.code(), 0L), probePersons, sourceRecords, registerRecords));
        }
        return priors;
    }

    private static Object[] onePerPersonCodes() {
        return Arrays.stream(Source.values())
                .filter(Source::onePerPerson)
                .map(Source::code)
                .toArray();
    }

    /** Writes hits.csv in the contract's format from the driver (a single file, as the contract wants). */
    public long writeHits(Path file) throws IOException {
        long count = 0;
        long byName = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("person_id,source,record_id,tier\n");
            for (Row row : links.collectAsList()) {
                writer.write(Csv.quote(row.getString(0)) + "," + row.getString(1) + "," + Csv.quote(row.getString(2))
                        + "," + row.getString(3) + "\n");
                count++;
                if (row.getString(3).equals("NAME_BIRTH")) {
                    byName++;
                }
            }
        }
        report.count("hits", count);
        report.count("hits_name_birth", byName);
        return count;
    }

    /** The same catalogue as the DuckDB engine, rendered by the same {@link RuleSql}, through Spark SQL. */
    public long writeFindings(RuleCatalogue catalogue, LocalDate checkDate, Path file) throws IOException {
        String query = RuleSql.findingsQuery(catalogue, checkDate);
        long count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", RuleSql.COLUMNS) + "\n");
            List<Row> rows = query == null ? List.of() : spark.sql(query).collectAsList();
            for (Row row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(row.isNullAt(i) ? "" : Csv.quote(String.valueOf(row.get(i))));
                }
                writer.write(line.append('\n').toString());
                count++;
            }
        }
        report.count("findings", count);
        return count;
    }

    /** The source's columns in the store's order, optionally qualified by an alias. */
    /**
     * The source's columns from a table, a missing one as null: the register's name for numbered registrations is
     * absent from stores written before it was kept.
     */
    static Dataset<Row> sourceColumnsOf(Dataset<Row> table, Source source) {
        java.util.Set<String> present = new java.util.HashSet<>(Arrays.asList(table.columns()));
        return table.select(Arrays.stream(Store.columnList(source).split(",\\s*"))
                .map(name -> present.contains(name)
                        ? col(name)
                        : lit(null).cast("string").as(name))
                .toArray(Column[]::new));
    }

    /** The source's columns of the records aliased {@code alias}, under their own names. */
    static Column[] sourceColumns(Source source, String alias) {
        return Arrays.stream(Store.columnList(source).split(",\\s*"))
                .map(name -> col(alias + "." + name).as(name))
                .toArray(Column[]::new);
    }

    static Column[] concat(Column[] a, Column[] b) {
        Column[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
