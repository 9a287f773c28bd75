package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Source files and a probe in which a probe person has namesakes born the same day (王伟, registered beside another
 * 王伟 and a 王玮) and another has none (陈静); each record tests one decision of {@link NameBirthJudge}. Shared by
 * the DuckDB test and the Spark engine's comparison.
 */
public final class NamesakeFixture {

    public static final String WANG = id("61011319800505001");
    public static final String CHEN = id("61011319850606002");
    public static final String OTHER_WANG = id("61011319800505011");
    public static final String HOMOPHONE_WANG = id("61011319800505031");
    public static final String LI = id("61011319900909002");
    public static final String HOMOPHONE_LI = id("61011319900909022");

    private NamesakeFixture() {}

    public static String id(String body) {
        return body + IdNumbers.checkCharacter(body);
    }

    /** A number for the i-th filler person: born 1950-01-01 plus i days, male (odd sequence). */
    static String filler(int i) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i);
        return id("610113" + born.toString().replace("-", "") + "001");
    }

    /** Writes {@code probe.csv} and {@code sources/} into the directory. */
    public static void write(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        // Rates need a probe of some size (SourcePrior.MIN_PROBE_PERSONS): 1 000 further recipients, each registered
        // and with an assistance record, and 4 000 registered people who receive nothing.
        StringBuilder probe = new StringBuilder("person_id,household_id,id_number,name,gender,birth_date,relation\n")
                .append("P1,H1,")
                .append(WANG)
                .append(",王伟,M,1980-05-05,户主\n")
                .append("P2,H2,")
                .append(CHEN)
                .append(",陈静,F,1985-06-06,户主\n")
                .append("P3,H3,")
                .append(LI)
                .append(",李娜,F,1990-09-09,户主\n")
                // a member whose number the case file lacks, registered without one, with a numbered namesake
                .append("P4,H4,,张敏,F,1975-03-03,户主\n");
        StringBuilder assistance = new StringBuilder();
        StringBuilder registered = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String number = filler(i);
            String name = "赵" + "一二三四五六七八九十".charAt(i % 10) + "百千万亿兆".charAt(i / 10 % 5) + (i / 50);
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i);
            registered
                    .append("hk-f")
                    .append(i)
                    .append(',')
                    .append(number)
                    .append(',')
                    .append(name)
                    .append(",M,")
                    .append(born)
                    .append(",610113,9\n");
            if (i < 1000) {
                probe.append("F")
                        .append(i)
                        .append(",HF")
                        .append(i)
                        .append(',')
                        .append(number)
                        .append(',')
                        .append(name)
                        .append(",M,")
                        .append(born)
                        .append(",户主\n");
                assistance
                        .append("ca-f")
                        .append(i)
                        .append(',')
                        .append(number)
                        .append(',')
                        .append(name)
                        .append(",M,")
                        .append(born)
                        .append(",低保,2024-01-01,\n");
            }
        }
        Files.writeString(dir.resolve("probe.csv"), probe.toString());
        StringBuilder hukou = new StringBuilder(
                        "record_id,id_number,name,gender,birth_date,address_code,household_no\n")
                .append("hk-wang,")
                .append(WANG)
                .append(",王伟,M,1980-05-05,610113,1\n")
                .append("hk-chen,")
                .append(CHEN)
                .append(",陈静,F,1985-06-06,610113,2\n")
                .append("hk-other-wang,")
                .append(OTHER_WANG)
                .append(",王伟,M,1980-05-05,610113,3\n")
                .append("hk-li,")
                .append(LI)
                .append(",李娜,F,1990-09-09,610113,6\n")
                // 李纳 shares 李娜's pinyin and birthday but writes the name differently
                .append("hk-zhang,,张敏,F,1975-03-03,610113,8\n")
                .append("hk-zhang-namesake,")
                .append(id("61011319750303022"))
                .append(",张敏,F,1975-03-03,610113,9\n")
                .append("hk-li-homophone,")
                .append(HOMOPHONE_LI)
                .append(",李纳,F,1990-09-09,610113,7\n")
                .append("hk-homophone,")
                .append(HOMOPHONE_WANG)
                .append(",王玮,M,1980-05-05,610113,4\n")
                // a second registration without a number cannot be 王伟's: his own was found by number
                .append("hk-extra,,王伟,M,1980-05-05,610113,5\n")
                .append(registered);
        Files.writeString(sources.resolve("hukou.csv"), hukou.toString());
        Files.writeString(
                sources.resolve("social_insurance.csv"),
                "record_id,id_number,name,gender,birth_date,month,contribution_base_fen,employer_credit_code\n"
                        + "si-1," + OTHER_WANG + ",王伟,M,1980-05-05,2025-01,500000,\n"
                        + "si-2," + OTHER_WANG + ",王伟,M,1980-05-05,2025-02,500000,\n"
                        + "si-3," + HOMOPHONE_WANG + ",王玮,M,1980-05-05,2025-02,500000,\n"
                        // the probe's persons have no contributions, namesakes do: more likely a namesake's
                        + "si-nonum,,王伟,M,1980-05-05,2025-03,500000,\n"
                        // no namesakes: the person's, whatever the source
                        + "si-chen,,陈静,F,1985-06-06,2025-03,300000,\n"
                        // spelled as 李娜 writes it, and nobody else registered writes it so: hers
                        + "si-li,,李娜,F,1990-09-09,2025-03,300000,\n"
                        // 张敏 without a number has a numbered namesake: a rival, and contributions are rarely hers
                        + "si-zhang,,张敏,F,1975-03-03,2025-03,300000,\n");
        Files.writeString(
                sources.resolve("civil_assistance.csv"),
                "record_id,id_number,name,gender,birth_date,programme,start_date,end_date\n"
                        + "ca-wang," + WANG + ",王伟,M,1980-05-05,低保,2024-01-01,\n"
                        + "ca-chen," + CHEN + ",陈静,F,1985-06-06,低保,2024-01-01,\n"
                        // assistance records are about the probe's persons far more often than about anyone else
                        + "ca-nonum,,王伟,M,1980-05-05,临时救助,2025-03-01,2025-03-31\n"
                        + assistance);
        Files.writeString(
                sources.resolve("vehicle.csv"),
                "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n"
                        // spelled as the registered 王玮 spells it, not as the person does
                        + "v-homophone,,王玮,M,1980-05-05,陕A00001,小型汽车,2015-01-01,\n"
                        // a homophone for a person without namesakes is a clerk's variant
                        + "v-chen,,陈晶,F,1985-06-06,陕A00002,小型汽车,2015-01-01,\n");
    }
}
