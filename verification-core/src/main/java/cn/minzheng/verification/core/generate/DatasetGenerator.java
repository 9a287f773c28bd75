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

    public DatasetGenerator(Size size, long seed, Profile profile) {
        this.size = size;
        this.seed = seed;
        this.profile = profile;
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
            sourceOut[source.ordinal()] = open(out.resolve("sources").resolve(source.code() + ".csv"));
            sourceOut[source.ordinal()].write(header(source.header()));
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
                        inFlight.add(pool.submit(
                                () -> new HouseholdWriter(population, recipes, profile, probeRate).write(from, to)));
                        nextToSubmit++;
                    }
                    ChunkOutput output = inFlight.remove(0).get();
                    for (int s = 0; s < sources.length; s++) {
                        output.sources[s].writeTo(sourceOut[s]);
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

        ChunkOutput(int expectedBytes) {
            for (int i = 0; i < sources.length; i++) {
                sources[i] = new ByteSink(i == Source.SOCIAL_INSURANCE.ordinal() ? expectedBytes : 1 << 14);
            }
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
