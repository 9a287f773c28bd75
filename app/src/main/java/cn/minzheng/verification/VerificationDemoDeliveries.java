package cn.minzheng.verification;

import cn.minzheng.resident.VerificationIdentity;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The departments' data of the verification demo: one CSV file per source with the demo families' records as the
 * plan of each household says (a car in use, a business still active, two homes, deposits above the limit, a death,
 * nothing at all), among made-up strangers so that every delivery looks like one.
 */
final class VerificationDemoDeliveries {

    /** Area codes the demo residents never have: the strangers cannot collide with them. */
    private static final String[] STRANGER_AREAS = {"610114", "610115", "610117"};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};

    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};

    private VerificationDemoDeliveries() {}

    /** CSV text per source: the families' records as the plan says, among made-up strangers. */
    static Map<String, String> deliveries(List<VerificationDemoFamily> f, LocalDate today, Random random) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        out.put("hukou", new StringBuilder("record_id,id_number,name,gender,birth_date,address_code,household_no\n"));
        out.put(
                "vehicle",
                new StringBuilder(
                        "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n"));
        out.put(
                "real_estate",
                new StringBuilder(
                        "record_id,id_number,name,gender,birth_date,property_type,area_m2,registered_on,ended_on\n"));
        out.put(
                "business",
                new StringBuilder("record_id,id_number,name,gender,birth_date,credit_code,role,entity_type,"
                        + "registered_capital_fen,status,registered_on,deregistered_on\n"));
        out.put(
                "bank_deposit",
                new StringBuilder("record_id,id_number,name,gender,birth_date,bank,balance_fen,as_of\n"));
        out.put("death", new StringBuilder("record_id,id_number,name,gender,birth_date,death_date\n"));
        out.put("pension", new StringBuilder("record_id,id_number,name,gender,birth_date,month,amount_fen\n"));
        out.put(
                "social_insurance",
                new StringBuilder("record_id,id_number,name,gender,birth_date,month,contribution_base_fen,"
                        + "employer_credit_code\n"));
        String month = today.minusMonths(1).withDayOfMonth(1).toString();
        String recent = today.minusMonths(2).toString();
        int n = 0;
        for (VerificationDemoFamily family : f) {
            for (VerificationIdentity m : family.members()) {
                out.get("hukou")
                        .append(row("hk" + (++n), m))
                        .append(",610113001001,")
                        .append(family.householdNo())
                        .append('\n');
            }
        }
        // 1: the head owns a car in use, a home, and a pension
        out.get("vehicle").append(row("veh-1", f.get(0).member(0))).append(",陕A·D2301,小型轿车,2019-05-01,\n");
        out.get("real_estate").append(row("re-1", f.get(0).member(0))).append(",住宅,89.50,2008-06-01,\n");
        out.get("pension")
                .append(row("pen-1", f.get(0).member(0)))
                .append(',')
                .append(month)
                .append(",186000\n");
        out.get("bank_deposit")
                .append(row("dep-1", f.get(0).member(0)))
                .append(",长安银行,1250000,")
                .append(recent)
                .append('\n');
        // 2: a registered business that is still active; a car sold years ago
        out.get("business")
                .append(row("biz-2", f.get(1).member(1)))
                .append(",92610113MA6W0DEMO1,经营者,个体工商户,5000000,存续,2020-04-01,\n");
        out.get("vehicle").append(row("veh-2", f.get(1).member(1))).append(",陕A·K1187,小型轿车,2012-03-01,2021-01-15\n");
        // 3: two homes; a car recorded without a number (linked by name and birth date, for review)
        out.get("real_estate").append(row("re-3a", f.get(2).member(0))).append(",住宅,76.00,2010-09-01,\n");
        out.get("real_estate").append(row("re-3b", f.get(2).member(1))).append(",住宅,102.30,2021-11-01,\n");
        VerificationIdentity noNumber = f.get(2).member(1);
        out.get("vehicle")
                .append("veh-3,,")
                .append(noNumber.name())
                .append(',')
                .append(gender(noNumber))
                .append(',')
                .append(noNumber.birthDate())
                .append(",陕A·Q5520,小型轿车,2022-02-01,\n");
        // 4: deposits above 24 months of the standard; a member died two months ago
        out.get("bank_deposit")
                .append(row("dep-4a", f.get(3).member(0)))
                .append(",中国工商银行,8000000,")
                .append(recent)
                .append('\n');
        out.get("bank_deposit")
                .append(row("dep-4b", f.get(3).member(1)))
                .append(",中国建设银行,3000000,")
                .append(recent)
                .append('\n');
        out.get("death")
                .append(row("dth-4", f.get(3).member(f.get(3).members().size() - 1)))
                .append(',')
                .append(recent)
                .append('\n');
        // 5: nothing but the registered residence: no finding, the report is issued at once
        // strangers, so that every delivery looks like one
        int[] strangers = {300, 200, 200, 80, 200, 60, 120, 150};
        int s = 0;
        for (Map.Entry<String, StringBuilder> file : out.entrySet()) {
            for (int i = 0; i < strangers[s]; i++) {
                file.getValue()
                        .append(stranger(file.getKey(), i, random, today))
                        .append('\n');
            }
            s++;
        }
        Map<String, String> text = new LinkedHashMap<>();
        out.forEach((code, csv) -> text.put(code, csv.toString()));
        return text;
    }

    private static String row(String recordId, VerificationIdentity m) {
        return recordId + "," + m.idNumber() + "," + m.name() + "," + gender(m) + "," + m.birthDate();
    }

    private static String gender(VerificationIdentity m) {
        return m.gender() == Gender.MALE ? "M" : "F";
    }

    private static String stranger(String source, int i, Random random, LocalDate today) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
        boolean male = random.nextBoolean();
        String body = STRANGER_AREAS[random.nextInt(STRANGER_AREAS.length)]
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
        String number = body + IdNumber.checkCharacter(body);
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String common = "x" + source + "-" + i + "," + number + "," + name + "," + (male ? "M" : "F") + "," + birth;
        String month =
                today.minusMonths(1 + random.nextInt(12)).withDayOfMonth(1).toString();
        return common
                + switch (source) {
                    case "hukou" -> ",610114001001,X" + i;
                    case "vehicle" -> ",陕A·" + (10000 + i) + ",小型轿车,201" + random.nextInt(10) + "-05-01,";
                    case "real_estate" ->
                        ",住宅," + (50 + random.nextInt(90)) + ".00,200" + random.nextInt(10) + "-03-01,";
                    case "business" -> ",92610114MA6X" + String.format("%04d", i) + "X,经营者,个体工商户,100000,存续,2018-01-01,";
                    case "bank_deposit" -> ",长安银行," + random.nextInt(5_000_000) + "," + today.minusMonths(1);
                    case "death" -> "," + today.minusMonths(random.nextInt(24));
                    case "pension" -> "," + month + "," + (150000 + random.nextInt(200000));
                    default -> "," + month + "," + (300000 + random.nextInt(600000)) + ",91610114MA6X0000X" + (i % 10);
                };
    }
}
