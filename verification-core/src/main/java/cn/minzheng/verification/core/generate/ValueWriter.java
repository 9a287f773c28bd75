package cn.minzheng.verification.core.generate;

import cn.minzheng.verification.core.store.Source;
import java.util.SplittableRandom;

/**
 * Plausible values for each source's own columns. Validity dates are placed relative to {@link
 * DatasetGenerator#REFERENCE_DAY}: an expired record (error E10) ended before it, an active one has no end or ends
 * after it.
 */
final class ValueWriter {

    private static final int REF = DatasetGenerator.REFERENCE_DAY;
    private static final int YEAR_2000 =
            (int) java.time.LocalDate.of(2000, 1, 1).toEpochDay();
    private static final String[] VEHICLE_TYPES = {"小型汽车", "小型汽车", "小型汽车", "摩托车", "残疾人专用车", "货车"};
    private static final String[] PROPERTY_TYPES = {"住宅", "住宅", "住宅", "住宅", "商业", "车库"};
    private static final String[] ROLES = {"法定代表人", "股东", "负责人"};
    private static final String[] ENTITY_TYPES = {"有限责任公司", "个体工商户", "个体工商户", "农民专业合作社"};
    private static final String[] ACTIVE_STATUS = {"存续", "在业"};
    private static final String[] BANKS = {"工商银行", "农业银行", "建设银行", "中国银行", "邮储银行", "长安银行", "西安银行"};
    private static final String[] INSURANCE = {"人寿保险", "重疾保险", "意外保险", "财产保险"};
    private static final String[] PLATFORMS = {"余额宝", "理财通", "京东金融"};
    private static final String[] EVENTS = {"结婚", "结婚", "离婚"};
    private static final String[] DISABILITY = {"肢体", "视力", "听力", "智力", "精神", "言语"};
    private static final String[] EMPLOYERS = {"雁塔区某街道办事处", "西安市某中学", "雁塔区某卫生院", "某区直机关"};
    private static final String[] SCHOOLS = {"雁塔区某小学", "西安市某中学", "某民办学校", "某大学"};
    private static final String[] LEVELS = {"小学", "初中", "高中", "本科", "学前"};
    private static final String[] PROGRAMMES = {"低保", "特困供养", "临时救助", "低保边缘"};
    private static final String[] CHILD_CATEGORIES = {"孤儿", "事实无人抚养儿童"};
    private static final String[] SUBSIDIES = {"困难残疾人生活补贴", "重度残疾人护理补贴"};
    private static final String PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    boolean canExpire(Source source) {
        return switch (source) {
            case VEHICLE, REAL_ESTATE, BUSINESS, DETENTION, CIVIL_ASSISTANCE -> true;
            default -> false;
        };
    }

    void write(
            ByteSink sink,
            Source source,
            SplittableRandom random,
            boolean expired,
            int index,
            int count,
            int birthDay,
            char[] relativeId) {
        int start = Math.max(birthDay + 6570, YEAR_2000);
        int since = start >= REF - 200 ? REF - 200 : start + random.nextInt(REF - 100 - start);
        int ended = expired ? since + random.nextInt(Math.max(1, REF - 30 - since)) : 0;
        switch (source) {
            case HUKOU ->
                sink.ascii("610113")
                        .padded(1 + random.nextInt(10), 3)
                        .padded(1 + random.nextInt(30), 3)
                        .comma()
                        .padded(Population.mix(birthDay * 7919L + index) & 0xFFFFFFFL, 9);
            case DEATH -> sink.date(REF - random.nextInt(3000));
            case VEHICLE -> {
                sink.utf8("陕A");
                for (int i = 0; i < 5; i++) {
                    sink.ascii(PLATE_CHARS.charAt(random.nextInt(PLATE_CHARS.length())));
                }
                sink.comma()
                        .utf8(pick(VEHICLE_TYPES, random))
                        .comma()
                        .date(since)
                        .comma();
                endDate(sink, ended);
            }
            case REAL_ESTATE -> {
                sink.utf8(index == 0 ? "住宅" : pick(PROPERTY_TYPES, random))
                        .comma()
                        .centi(3000 + random.nextInt(15000))
                        .comma()
                        .date(since)
                        .comma();
                endDate(sink, ended);
            }
            case HOUSING_CONTRACT ->
                sink.number(50_000_000L + random.nextInt(300_000_000)).comma().date(REF - random.nextInt(1500));
            case BUSINESS -> {
                sink.ascii("9161011")
                        .padded(random.nextInt(1_000_000_000), 10)
                        .ascii('X')
                        .comma();
                sink.utf8(pick(ROLES, random))
                        .comma()
                        .utf8(pick(ENTITY_TYPES, random))
                        .comma();
                sink.number(100_000L * (1 + random.nextInt(5000))).comma();
                sink.utf8(expired ? "注销" : pick(ACTIVE_STATUS, random)).comma();
                sink.date(since).comma();
                endDate(sink, ended);
            }
            case INCOME_TAX -> sink.number(2024 - index).comma().number(random.nextInt(30_000_000));
            case SOCIAL_INSURANCE ->
                sink.month(REF - 30 * (count - index))
                        .comma()
                        .number(400_000 + random.nextInt(1_500_000))
                        .comma()
                        .ascii("91610113")
                        .padded(random.nextInt(100_000_000), 9)
                        .ascii('X');
            case PENSION, UNEMPLOYMENT ->
                sink.month(REF - 30 * (count - index)).comma().number(100_000 + random.nextInt(400_000));
            case PROVIDENT_FUND ->
                sink.month(REF - 30 * (count - index)).comma().number(20_000 + random.nextInt(300_000));
            case BANK_DEPOSIT ->
                sink.utf8(pick(BANKS, random))
                        .comma()
                        .number(deposit(random))
                        .comma()
                        .date(REF - random.nextInt(60));
            case SECURITIES -> sink.number(deposit(random) * 2).comma().date(REF - random.nextInt(60));
            case COMMERCIAL_INSURANCE ->
                sink.utf8(pick(INSURANCE, random))
                        .comma()
                        .number(100_000 + random.nextInt(5_000_000))
                        .comma()
                        .date(REF - random.nextInt(300));
            case INTERNET_FINANCE ->
                sink.utf8(pick(PLATFORMS, random))
                        .comma()
                        .number(random.nextInt(5_000_000))
                        .comma()
                        .date(REF - random.nextInt(60));
            case MARRIAGE ->
                sink.utf8(pick(EVENTS, random))
                        .comma()
                        .ascii(relativeId, 0, 18)
                        .comma()
                        .date(since);
            case DISABILITY -> sink.utf8(pick(DISABILITY, random)).comma().number(1 + random.nextInt(4));
            case MEDICAL_EXPENSE -> sink.number(2024 - index).comma().number(random.nextInt(8_000_000));
            case DETENTION -> {
                sink.date(since).comma();
                sink.date(expired ? ended : REF + 30 + random.nextInt(2000));
            }
            case PUBLIC_PAYROLL ->
                sink.utf8(pick(EMPLOYERS, random)).comma().number(400_000 + random.nextInt(1_200_000));
            case STUDENT ->
                sink.utf8(pick(SCHOOLS, random))
                        .comma()
                        .utf8(pick(LEVELS, random))
                        .comma()
                        .number(
                                random.nextInt(10) == 0
                                        ? 3_000_000 + random.nextInt(5_000_000)
                                        : random.nextInt(500_000));
            case UTILITIES -> sink.number(2024 - index).comma().number(50_000 + random.nextInt(1_500_000));
            case CIVIL_ASSISTANCE -> {
                sink.utf8(pick(PROGRAMMES, random)).comma().date(since).comma();
                endDate(sink, ended);
            }
            case CHILD_WELFARE ->
                sink.utf8(pick(CHILD_CATEGORIES, random)).comma().date(since);
            case DISABLED_SUBSIDY -> sink.utf8(pick(SUBSIDIES, random)).comma().month(REF - 30 * (count - index));
            case TRAVEL_ABROAD -> {
                int exit = REF - random.nextInt(700);
                sink.date(exit).comma().date(exit + 3 + random.nextInt(25));
            }
        }
    }

    private static void endDate(ByteSink sink, int ended) {
        if (ended != 0) {
            sink.date(ended);
        }
    }

    /** Balances spread over four orders of magnitude, so that some households exceed the deposit line. */
    private static long deposit(SplittableRandom random) {
        double exponent = 3 + random.nextDouble() * 5; // 10 yuan … 1,000,000 yuan, in fen
        return (long) Math.pow(10, exponent);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
