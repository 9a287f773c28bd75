package cn.minzheng.verification.core.generate;

import cn.minzheng.verification.core.store.Source;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Generates the records of a range of households: the probe rows of households that receive assistance, every
 * source record of every member with the error model applied, and the truth rows. One instance per chunk, one thread.
 */
final class HouseholdWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] MALE = {'M'};
    private static final byte[] FEMALE = {'F'};
    private static final String[] FULL_WIDTH = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};

    private static final int YEAR_2000 =
            (int) java.time.LocalDate.of(2000, 1, 1).toEpochDay();

    private final Population population;
    private final SourceRecipe[] recipes;
    private final double errorScale;
    private final double probeRate;
    private final ValueWriter values = new ValueWriter();

    // The household being written.
    private final int[] person = new int[6];
    private final boolean[] male = new boolean[6];
    private final int[] birthDay = new int[6];
    private final String[] name = new String[6];
    private final byte[][] nameBytes = new byte[6][];
    private final char[][] id = new char[6][18];
    private int members;
    private boolean inProbe;
    private final char[] scratch = new char[18];
    private final StringBuilder errorCodes = new StringBuilder();

    HouseholdWriter(Population population, SourceRecipe[] recipes, Profile profile, double probeRate) {
        this.population = population;
        this.recipes = recipes;
        this.errorScale = profile.multiplier();
        this.probeRate = probeRate;
    }

    DatasetGenerator.ChunkOutput write(int fromHousehold, int toHousehold) {
        int persons = population.householdStart[toHousehold] - population.householdStart[fromHousehold];
        DatasetGenerator.ChunkOutput out = new DatasetGenerator.ChunkOutput(persons * 80 * 4);
        for (int household = fromHousehold; household < toHousehold; household++) {
            prepare(household);
            if (inProbe) {
                writeProbe(out, household);
            }
            for (int m = 0; m < members; m++) {
                writeRecords(out, m);
            }
        }
        return out;
    }

    private void prepare(int household) {
        int start = population.householdStart[household];
        members = population.householdStart[household + 1] - start;
        SplittableRandom random = population.random(start, 1);
        inProbe = random.nextDouble() < probeRate;
        String familySurname = NameMaker.surname(random);
        for (int m = 0; m < members; m++) {
            person[m] = start + m;
            male[m] = m == 1 ? !male[0] : random.nextBoolean();
            birthDay[m] = population.birthDay(person[m]);
            int year = java.time.LocalDate.ofEpochDay(birthDay[m]).getYear();
            // Spouses and parents bring their own surname; children carry the family's.
            String surname = (m == 1 || m >= 4) ? NameMaker.surname(random) : familySurname;
            name[m] = NameMaker.name(random, male[m], year, surname);
            nameBytes[m] = name[m].getBytes(StandardCharsets.UTF_8);
            population.idNumber(person[m], male[m], id[m]);
        }
    }

    private void writeProbe(DatasetGenerator.ChunkOutput out, int household) {
        for (int m = 0; m < members; m++) {
            ByteSink sink = out.probe;
            personId(sink, person[m]).comma();
            sink.ascii('H').padded(household, 9).comma();
            sink.ascii(id[m], 0, 18).comma();
            sink.bytes(nameBytes[m]).comma();
            sink.bytes(male[m] ? MALE : FEMALE).comma();
            sink.date(birthDay[m]).comma();
            sink.utf8(Population.relation(m)).newline();
            out.probePersons++;
        }
    }

    private static ByteSink personId(ByteSink sink, int person) {
        return sink.ascii('P').padded(person, 10);
    }

    private void writeRecords(DatasetGenerator.ChunkOutput out, int m) {
        SplittableRandom random = population.random(person[m], 2);
        for (SourceRecipe recipe : recipes) {
            double share = inProbe ? recipe.probeShare() : recipe.populationShare();
            if (random.nextDouble() >= share) {
                continue;
            }
            double mean = recipe.recordsPerPerson();
            int count = (int) mean + (random.nextDouble() < mean - (int) mean ? 1 : 0);
            for (int r = 0; r < count; r++) {
                writeRecord(out, recipe.source(), m, r, count, random);
            }
        }
    }

    private void writeRecord(
            DatasetGenerator.ChunkOutput out, Source source, int m, int r, int count, SplittableRandom random) {
        ByteSink sink = out.sources[source.ordinal()];
        int rowStart = sink.size();
        errorCodes.setLength(0);
        long recordKey = Population.mix(population.seed * 0x632BE59BD9B4E019L
                ^ (((long) source.ordinal() << 58) | ((long) person[m] << 20) | r));

        // record_id
        for (int shift = 60; shift >= 0; shift -= 4) {
            sink.ascii(HEX[(int) (recordKey >>> shift) & 15]);
        }
        sink.comma();

        // id_number, with at most one of the identifier errors
        ErrorKind idError = drawIdError(random, m);
        writeId(sink, idError, m, random);
        if (idError != null) {
            errorCodes.append(idError.code());
        }
        sink.comma();

        // name, possibly a recorded variant (another character that sounds alike, a rare character spelt) or the same
        // name written another way (traditional characters, full-width letters, blanks, another dot)
        double nameDraw = random.nextDouble();
        double variantRate = ErrorKind.E7_NAME_VARIANT.standardRate() * errorScale;
        if (nameDraw < variantRate) {
            sink.utf8(NameMaker.variant(random, name[m]));
            mark(ErrorKind.E7_NAME_VARIANT);
        } else if (nameDraw < variantRate + ErrorKind.E11_SCRIPT_VARIANT.standardRate() * errorScale) {
            sink.utf8(NameMaker.writtenOtherwise(random, name[m]));
            mark(ErrorKind.E11_SCRIPT_VARIANT);
        } else {
            sink.bytes(nameBytes[m]);
        }
        sink.comma();

        // gender and birth date: sometimes not recorded, but never both missing with the number
        double blank = random.nextDouble();
        if (blank >= 0.03) {
            sink.bytes(male[m] ? MALE : FEMALE);
        }
        sink.comma();
        // a transposed number still leads to its owner without a birth date (TranspositionSql): the one number error
        // that may come with it
        if (blank >= 0.015 || (idError != null && idError != ErrorKind.E3_TRANSPOSITION)) {
            sink.date(birthDay[m]);
        }
        sink.comma();

        boolean expired = values.canExpire(source)
                && random.nextDouble() < ErrorKind.E10_EXPIRED.standardRate() * Math.max(1, errorScale);
        if (expired) {
            mark(ErrorKind.E10_EXPIRED);
        }
        values.write(sink, source, random, expired, r, count, birthDay[m], otherMemberId(m));
        sink.newline();
        out.records++;

        if (random.nextDouble() < ErrorKind.E9_DUPLICATE.standardRate() * errorScale) {
            int rowEnd = sink.size();
            sink.copyRange(rowStart, rowEnd);
            mark(ErrorKind.E9_DUPLICATE);
            out.records++;
        }
        if (inProbe) {
            personId(out.pairs, person[m]).comma().ascii(source.code()).comma();
            for (int shift = 60; shift >= 0; shift -= 4) {
                out.pairs.ascii(HEX[(int) (recordKey >>> shift) & 15]);
            }
            out.pairs.newline();
            out.truePairs++;
            if (errorCodes.length() > 0) {
                personId(out.errors, person[m]).comma().ascii(source.code()).comma();
                for (int shift = 60; shift >= 0; shift -= 4) {
                    out.errors.ascii(HEX[(int) (recordKey >>> shift) & 15]);
                }
                out.errors.comma().ascii(errorCodes).newline();
            }
        }
    }

    private void mark(ErrorKind kind) {
        if (errorCodes.length() > 0) {
            errorCodes.append(';');
        }
        errorCodes.append(kind.code());
    }

    private ErrorKind drawIdError(SplittableRandom random, int m) {
        double u = random.nextDouble();
        if (errorScale == 0) {
            return null;
        }
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind == ErrorKind.E7_NAME_VARIANT) {
                break;
            }
            u -= kind.standardRate() * errorScale;
            if (u < 0) {
                if (kind == ErrorKind.E1_OLD_15_DIGIT && birthDay[m] >= YEAR_2000) {
                    return null; // only people born before 2000 ever had a 15-digit number
                }
                return kind;
            }
        }
        u -= ErrorKind.E8_FAMILY_MEMBER_ID.standardRate() * errorScale;
        if (u < 0 && members > 1) {
            return ErrorKind.E8_FAMILY_MEMBER_ID;
        }
        return null;
    }

    private void writeId(ByteSink sink, ErrorKind error, int m, SplittableRandom random) {
        char[] number = id[m];
        if (error == null) {
            sink.ascii(number, 0, 18);
            return;
        }
        switch (error) {
            case E1_OLD_15_DIGIT -> sink.ascii(number, 0, 6).ascii(number, 8, 17);
            case E2_SUBSTITUTION -> {
                System.arraycopy(number, 0, scratch, 0, 18);
                int at = random.nextInt(17);
                scratch[at] = (char) ('0' + (scratch[at] - '0' + 1 + random.nextInt(9)) % 10);
                sink.ascii(scratch, 0, 18);
            }
            case E3_TRANSPOSITION -> {
                System.arraycopy(number, 0, scratch, 0, 18);
                // any two neighbours, the check character among them
                int at = random.nextInt(17);
                for (int tries = 0; tries < 17 && scratch[at] == scratch[at + 1]; tries++) {
                    at = random.nextInt(17);
                }
                if (scratch[at] == scratch[at + 1]) {
                    sink.ascii(number, 0, 18); // all neighbours equal: nothing to transpose
                    return;
                }
                char t = scratch[at];
                scratch[at] = scratch[at + 1];
                scratch[at + 1] = t;
                sink.ascii(scratch, 0, 18);
            }
            case E4_FORMATTING -> writeFormatted(sink, number, random);
            case E5_EXCEL_DAMAGE -> {
                if (random.nextBoolean()) {
                    sink.ascii(number[0]).ascii('.').ascii(number, 1, 6).ascii("E+17");
                } else {
                    sink.ascii(number, 0, 15).ascii("000");
                }
            }
            case E6_MISSING_ID -> {
                // nothing recorded
            }
            case E8_FAMILY_MEMBER_ID -> {
                int other = (m + 1 + random.nextInt(members - 1)) % members;
                sink.ascii(id[other], 0, 18);
            }
            default -> sink.ascii(number, 0, 18);
        }
    }

    private static void writeFormatted(ByteSink sink, char[] number, SplittableRandom random) {
        switch (random.nextInt(number[17] == 'X' ? 6 : 5)) {
            case 0 -> sink.ascii('\'').ascii(number, 0, 18);
            case 1 ->
                sink.ascii(number, 0, 6)
                        .ascii(' ')
                        .ascii(number, 6, 14)
                        .ascii(' ')
                        .ascii(number, 14, 18);
            case 2 ->
                sink.ascii(number, 0, 6)
                        .ascii('-')
                        .ascii(number, 6, 14)
                        .ascii('-')
                        .ascii(number, 14, 18);
            case 3 -> {
                for (int i = 0; i < 18; i++) {
                    char c = number[i];
                    sink.utf8(c == 'X' ? "Ｘ" : FULL_WIDTH[c - '0']);
                }
            }
            case 4 -> sink.ascii(' ').ascii(number, 0, 18).ascii(' ');
            default -> sink.ascii(number, 0, 17).ascii('x');
        }
    }

    private char[] otherMemberId(int m) {
        return members > 1 ? id[(m + 1) % members] : id[m];
    }
}
