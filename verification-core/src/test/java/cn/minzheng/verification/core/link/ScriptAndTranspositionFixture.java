package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdNumbers;
import cn.minzheng.verification.core.normalize.Transpositions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A probe and deliveries for the name check of the ID tier and for transposed numbers: records carrying a person's
 * exact number with the name in another script (張偉, 瀋 靜, 蕭紅, 鍾建國, 買買提・艾力, ZHANG Wei), a child's record under
 * a parent's number, a record without a name whose sex contradicts the number, and records whose number has two
 * neighbours swapped — with one agreeing candidate, with two probe persons agreeing, with a probe person and a
 * registered stranger agreeing. Shared by the DuckDB test and the Spark engine's comparison.
 */
public final class ScriptAndTranspositionFixture {

    public static final String ZHANG = NamesakeFixture.id("61011319800505001");
    public static final String SHEN = NamesakeFixture.id("61011319850606002");
    public static final String XIAO = NamesakeFixture.id("61011319900101002");
    public static final String ZHONG = NamesakeFixture.id("61011319600202001");
    public static final String MAI = NamesakeFixture.id("65010219700707001");
    public static final String MOTHER = NamesakeFixture.id("61011319820303002");
    public static final String CHILD = NamesakeFixture.id("61011320100404001");
    public static final String LI = NamesakeFixture.id("61011319750808031");

    /** 刘洋 twice: two valid numbers, each one swap from {@link #LIU_RECORDED}. */
    public static final String[] LIU = new String[2];

    public static final String LIU_RECORDED;
    /** 赵磊 in the probe and a registered stranger 赵磊, each one swap from {@link #ZHAO_RECORDED}. */
    public static final String[] ZHAO = new String[2];

    public static final String ZHAO_RECORDED;

    static {
        LIU_RECORDED = twoWay("61011319880808", LIU);
        ZHAO_RECORDED = twoWay("61011319660606", ZHAO);
    }

    private ScriptAndTranspositionFixture() {}

    /**
     * An invalid 18-character number starting with the 14 given characters (area and birth date) whose adjacent swaps
     * give two valid numbers of men born that day (swaps within the sequence and check characters), written into
     * {@code into}.
     */
    private static String twoWay(String first14, String[] into) {
        for (int sequence = 0; sequence < 1000; sequence++) {
            {
                for (char check : "0123456789X".toCharArray()) {
                    String recorded = first14 + String.format("%03d", sequence) + check;
                    if (IdNumbers.normalise(recorded).status().usable()) {
                        continue;
                    }
                    long[] candidates = Transpositions.candidates(recorded);
                    if (candidates.length != 2) {
                        continue;
                    }
                    String one = IdNumbers.decode(candidates[0]);
                    String two = IdNumbers.decode(candidates[1]);
                    boolean sameDay = one.substring(6, 14).equals(two.substring(6, 14))
                            && one.substring(6, 14).equals(first14.substring(6, 14));
                    boolean men = (one.charAt(16) - '0') % 2 == 1 && (two.charAt(16) - '0') % 2 == 1;
                    if (sameDay && men) {
                        into[0] = one;
                        into[1] = two;
                        return recorded;
                    }
                }
            }
        }
        throw new IllegalStateException("no two-way transposition for " + first14);
    }

    /** {@code number} with the characters at {@code at} and {@code at + 1} swapped. */
    static String swapped(String number, int at) {
        char[] c = number.toCharArray();
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        return new String(c);
    }

    /** Writes {@code probe.csv} and {@code sources/} into the directory. */
    public static void write(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        String probe = "person_id,household_id,id_number,name,gender,birth_date,relation\n"
                + "P1,H1," + ZHANG + ",张伟,M,1980-05-05,户主\n"
                + "P2,H2," + SHEN + ",沈静,F,1985-06-06,户主\n"
                + "P3,H3," + XIAO + ",萧红,F,1990-01-01,户主\n"
                + "P4,H4," + ZHONG + ",钟建国,M,1960-02-02,户主\n"
                + "P5,H5," + MAI + ",买买提·艾力,M,1970-07-07,户主\n"
                + "P6,H6," + MOTHER + ",王芳,F,1982-03-03,户主\n"
                + "P7,H6," + CHILD + ",王小明,M,2010-04-04,子女\n"
                + "P8,H8," + LI + ",李强,M,1975-08-08,户主\n"
                + "P9,H9," + LIU[0] + ",刘洋,M,1988-08-08,户主\n"
                + "P10,H10," + LIU[1] + ",刘洋,M,1988-08-08,户主\n"
                + "P11,H11," + ZHAO[0] + ",赵磊,M,1966-06-06,户主\n";
        Files.writeString(dir.resolve("probe.csv"), probe);
        StringBuilder hukou =
                new StringBuilder("record_id,id_number,name,gender,birth_date,address_code,household_no\n");
        String[][] registered = {
            {ZHANG, "张伟", "M", "1980-05-05"},
            {SHEN, "沈静", "F", "1985-06-06"},
            {XIAO, "萧红", "F", "1990-01-01"},
            {ZHONG, "钟建国", "M", "1960-02-02"},
            {MAI, "买买提·艾力", "M", "1970-07-07"},
            {MOTHER, "王芳", "F", "1982-03-03"},
            {CHILD, "王小明", "M", "2010-04-04"},
            {LI, "李强", "M", "1975-08-08"},
            {LIU[0], "刘洋", "M", "1988-08-08"},
            {LIU[1], "刘洋", "M", "1988-08-08"},
            {ZHAO[0], "赵磊", "M", "1966-06-06"},
            // not a recipient: a stranger whose number is also one swap from the record's
            {ZHAO[1], "赵磊", "M", "1966-06-06"}
        };
        for (int i = 0; i < registered.length; i++) {
            String[] r = registered[i];
            hukou.append("hk-")
                    .append(i)
                    .append(',')
                    .append(r[0])
                    .append(',')
                    .append(r[1])
                    .append(',')
                    .append(r[2])
                    .append(',')
                    .append(r[3])
                    .append(",610113,")
                    .append(i)
                    .append('\n');
        }
        Files.writeString(sources.resolve("hukou.csv"), hukou.toString());
        Files.writeString(
                sources.resolve("civil_assistance.csv"),
                "record_id,id_number,name,gender,birth_date,programme,start_date,end_date\n"
                        // the person's exact number, the name in another script: the same person
                        + "ca-trad," + ZHANG + ",張偉,M,1980-05-05,低保,2024-01-01,\n"
                        + "ca-pinyin," + ZHANG + ",ZHANG Wei,M,1980-05-05,临时救助,2024-01-01,\n"
                        + "ca-spaced," + SHEN + ",瀋　靜,F,1985-06-06,低保,2024-01-01,\n"
                        + "ca-xiao," + XIAO + ",\"蕭 紅\",F,1990-01-01,低保,2024-01-01,\n"
                        + "ca-zhong," + ZHONG + ",鍾建國,M,1960-02-02,低保,2024-01-01,\n"
                        + "ca-mai," + MAI + ",買買提・艾力,M,1970-07-07,低保,2024-01-01,\n"
                        // a child's record under the mother's number: another given name, someone else's
                        + "ca-child," + MOTHER + ",王小明,M,2010-04-04,孤儿,2024-01-01,\n"
                        // no name, and a sex and birth date the mother's number contradicts
                        + "ca-noname," + MOTHER + ",,M,2010-04-04,临时救助,2024-01-01,\n"
                        // two neighbours swapped, no birth date: one agreeing candidate
                        + "ca-swap," + swapped(LI, 15) + ",李强,M,,低保,2024-01-01,\n"
                        // two probe persons agree
                        + "ca-swap-two," + LIU_RECORDED + ",刘洋,M,1988-08-08,低保,2024-01-01,\n"
                        // a probe person and a registered stranger agree
                        + "ca-swap-stranger," + ZHAO_RECORDED + ",赵磊,M,1966-06-06,低保,2024-01-01,\n");
    }
}
