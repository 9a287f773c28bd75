package cn.minzheng.verification.core.generate;

import cn.minzheng.verification.core.store.Source;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic benchmark data set: {@code probe.csv}, {@code sources/<code>.csv} for the 26 sources, and the
 * truth files {@code truth/pairs.csv} (true links) and {@code truth/errors.csv} (which errors each probe person's
 * record carries). Households are generated in chunks by worker threads; chunks are written in order, so the output
 * depends only on the seed, size and profile.
 */
public final class DatasetGenerator {

    /** The date the generated data describes; validity dates are set relative to it. */
    public static final int REFERENCE_DAY =
            (int) java.time.LocalDate.of(2025, 6, 30).toEpochDay();

    private final Size size;
    private final long seed;
    private final Profile profile;

    private final boolean gzip;

    public DatasetGenerator(Size size, long seed, Profile profile) {
        this(size, seed, profile, false);
    }

    /**
     * @param gzip write the sources as {@code <code>.csv.gz}, as departments deliver large files: each chunk is
     *     compressed by the worker that made it, as one gzip member (a file of several members is one gzip stream)
     */
    public DatasetGenerator(Size size, long seed, Profile profile, boolean gzip) {
        this.size = size;
        this.seed = seed;
        this.profile = profile;
        this.gzip = gzip;
    }

    /** Counts of what was written. */
    public record Summary(long persons, long households, long probePersons, long sourceRecords, long truePairs) {}

    public Summary writeTo(Path out) throws IOException {
        Files.createDirectories(out.resolve("sources"));
        Files.createDirectories(out.resolve("truth"));
        Population population = new Population(seed, size.population());
        SourceRecipe[] recipes = SourceRecipe.forSize(size);
        double probeRate = (double) size.probe() / size.population();
        int households = population.households();
        int perChunk = Math.max(2_000, households / 600);
        int chunks = (households + perChunk - 1) / perChunk;

        Source[] sources = Source.values();
        OutputStream[] sourceOut = new OutputStream[sources.length];
        for (Source source : sources) {
            sourceOut[source.ordinal()] =
                    open(out.resolve("sources").resolve(source.code() + (gzip ? ".csv.gz" : ".csv")));
            byte[] header = header(source.header());
            sourceOut[source.ordinal()].write(gzip ? gzipMember(header, header.length) : header);
        }
        long[] totals = new long[4];
        try (OutputStream probe = open(out.resolve("probe.csv"));
                OutputStream pairs = open(out.resolve("truth").resolve("pairs.csv"));
                OutputStream errors = open(out.resolve("truth").resolve("errors.csv"))) {
            probe.write(header(
                    List.of("person_id", "household_id", "id_number", "name", "gender", "birth_date", "relation")));
            pairs.write(header(List.of("person_id", "source", "record_id")));
            errors.write(header(List.of("person_id", "source", "record_id", "errors")));
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "generator");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<ChunkOutput>> inFlight = new ArrayList<>();
                int nextToSubmit = 0;
                for (int chunk = 0; chunk < chunks; chunk++) {
                    while (nextToSubmit < chunks && nextToSubmit < chunk + workers + 1) {
                        int from = nextToSubmit * perChunk;
                        int to = Math.min(households, from + perChunk);
                        inFlight.add(pool.submit(() -> {
                            ChunkOutput made =
                                    new HouseholdWriter(population, recipes, profile, probeRate).write(from, to);
                            if (gzip) {
                                made.compress();
                            }
                            return made;
                        }));
                        nextToSubmit++;
                    }
                    ChunkOutput output = inFlight.remove(0).get();
                    for (int s = 0; s < sources.length; s++) {
                        if (output.compressed != null) {
                            sourceOut[s].write(output.compressed[s]);
                        } else {
                            output.sources[s].writeTo(sourceOut[s]);
                        }
                    }
                    output.probe.writeTo(probe);
                    output.pairs.writeTo(pairs);
                    output.errors.writeTo(errors);
                    totals[0] += output.probePersons;
                    totals[1] += output.records;
                    totals[2] += output.truePairs;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("generation interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("generation failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (OutputStream stream : sourceOut) {
                stream.close();
            }
        }
        return new Summary(size.population(), households, totals[0], totals[1], totals[2]);
    }

    /** The bytes as one gzip member, compressed fast (level 1: the generator's output is for a benchmark's load). */
    static byte[] gzipMember(byte[] bytes, int length) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(Math.max(64, length / 4));
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(buffer, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes, 0, length);
        }
        return buffer.toByteArray();
    }

    private static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    private static byte[] header(List<String> columns) {
        return (String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What one chunk of households produced, kept in memory until its turn to be written. */
    static final class ChunkOutput {
        final ByteSink[] sources = new ByteSink[Source.values().length];
        final ByteSink probe = new ByteSink(1 << 14);
        final ByteSink pairs = new ByteSink(1 << 14);
        final ByteSink errors = new ByteSink(1 << 12);
        long probePersons;
        long records;
        long truePairs;
        /** Each source's bytes as a gzip member, when the sources are written compressed. */
        byte[][] compressed;

        ChunkOutput(int expectedBytes) {
            for (int i = 0; i < sources.length; i++) {
                sources[i] = new ByteSink(i == Source.SOCIAL_INSURANCE.ordinal() ? expectedBytes : 1 << 14);
            }
        }

        void compress() throws IOException {
            compressed = new byte[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                compressed[i] =
                        sources[i].size() == 0 ? new byte[0] : gzipMember(sources[i].array(), sources[i].size());
                sources[i] = null;
            }
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
