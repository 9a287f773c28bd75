package cn.minzheng.demo;

import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.resident.StatusKind;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.RegionLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo district's residents: households of the usual shapes (single elderly people, couples, couples with
 * children, three generations, single parents), synthetic names from common surnames and given-name characters — with
 * a few compound surnames, polyphonic surnames (曾, 单), a name with a character outside the Basic Multilingual Plane
 * (𠮷) and transliterated names with “·” — and valid synthetic ID numbers (mostly 610113…, some from elsewhere in
 * Shaanxi and beyond). Some people are registered twice, as duplicates for the master person index to find. Statuses
 * (disability, self-care, full-time study, serious illness, living alone) are spread at plausible rates.
 *
 * <p>{@code small}: 8 households per community, about 5 000 residents, loaded in seconds. {@code district}: about
 * 1.3 million residents (some 2 000 households per community), for the benchmarks. Deterministic for a seed; no real
 * person's name is paired with an ID number.
 */
@Component
class DemoResidents implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(DemoResidents.class);

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
        "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
        "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史",
        "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文",
        "单", "解", "仇", "查", "欧阳", "司马", "上官", "诸葛"
    };
    /** Surnames are drawn mostly from the first twenty (about half of all Chinese people carry one of them). */
    private static final int COMMON = 20;

    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "华", "建", "文", "辉", "玲", "红", "宁", "欣", "晨", "雪", "海", "波", "莉", "鹏", "慧", "倩", "婷", "浩",
        "宇", "轩", "梓", "涵", "子", "睿", "博", "思", "雨", "佳", "怡", "嘉", "俊", "晓", "志", "国", "春", "秋", "兰", "凤",
        "新", "永", "福", "德", "安", "荣", "利", "成", "家", "小", "卫", "东", "亮", "飞", "琳", "萍", "燕", "颖", "琴", "云",
        "斌", "彬", "璐", "瑶", "琪", "悦", "航", "昊", "然", "泽", "一", "诺", "依", "彤", "心", "可", "馨", "逸", "晗", "铭",
        "玉", "英", "珍", "淑", "素", "翠", "兴", "旺", "生", "根", "喜", "宏", "庆", "瑞", "祥", "泉", "山", "林", "峰", "岚"
    };
    private static final String[] TRANSLITERATED = {"阿依古丽", "买买提", "努尔", "古丽娜", "艾力", "热依拉", "阿不都", "帕提古丽", "迪丽", "巴图"};

    /** Address codes of ID numbers: mostly Yanta, then the rest of Xi'an and Shaanxi, then other provinces. */
    private static final String[] ADDRESS_CODES = {
        "610113", "610113", "610113", "610113", "610113", "610113", "610102", "610103", "610104", "610111", "610112",
        "610116", "610122", "610124", "610402", "610302", "612301", "610502", "410102", "140105", "620102", "510104"
    };

    private static final String[] DISABILITY = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"};

    private final BulkRegistration registration;
    private final Regions regions;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    DemoResidents(
            BulkRegistration registration,
            Regions regions,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.registration = registration;
        this.regions = regions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Not one transaction (the district size has 1.3 million residents): each community's households are registered in
     * a transaction of their own, and a community registered before an interruption is skipped — its people are still
     * generated, so that the rest of the district comes out as it would have.
     */
    @Override
    public boolean transactional() {
        return false;
    }

    private boolean registered(String community) {
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        "select exists (select 1 from household where community_code = ? and household_no = 'H00001')")
                .param(community)
                .query(Boolean.class)
                .single()));
    }

    @Override
    public String name() {
        return "居民与家庭";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String[] roles() {
        return new String[] {"DEPARTMENT_OFFICER"};
    }

    @Override
    public void build(String size, long seed) {
        int householdsPerCommunity = size.equals("district") ? 2_000 : 8;
        LocalDate today = regions.today();
        List<RegionUnit> communities = regions.all(RegionLevel.COMMUNITY, today);
        People people = new People(new Random(seed ^ 0x5245534944454E54L), today);
        int residents = 0;
        int households = 0;
        long started = System.nanoTime();
        List<BulkRegistration.Person> duplicates = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            String community = communities.get(c).code();
            List<BulkRegistration.Household> batch = new ArrayList<>(householdsPerCommunity + 4);
            for (int h = 1; h <= householdsPerCommunity; h++) {
                BulkRegistration.Household household = people.household(String.format("H%05d", h), community);
                batch.add(household);
                // about one person in 2 000 was registered again somewhere else (moved without de-registering)
                if (people.random.nextInt(750) == 0) {
                    duplicates.add(household.members().get(0));
                }
            }
            // the people registered twice turn up as single-person households in the next community
            for (int d = 0; d < duplicates.size(); d++) {
                BulkRegistration.Person p = duplicates.get(d);
                boolean withoutDocument =
                        d % 3 == 2; // the second record lacks the ID number: found by name + birth + sex
                batch.add(new BulkRegistration.Household(
                        String.format("D%05d", d + 1),
                        community,
                        today.minusYears(1),
                        List.of(new BulkRegistration.Person(
                                p.name(),
                                p.gender(),
                                p.birthDate(),
                                withoutDocument ? IdDocumentType.NONE : p.documentType(),
                                withoutDocument ? null : p.idNumber(),
                                p.hukouAddressCode(),
                                null,
                                Relationship.HEAD,
                                List.of()))));
            }
            duplicates.clear();
            if (!registered(community)) {
                residents += registration.register(batch);
            }
            households += batch.size();
            if ((c + 1) % 20 == 0 || c == communities.size() - 1) {
                log.info(
                        "演示居民：{}/{} 个社区，{} 户，{} 人，{} s",
                        c + 1,
                        communities.size(),
                        households,
                        residents,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
        }
        int found = registration.findDuplicates();
        log.info("演示居民已生成：{} 户，{} 人；疑似重复档案 {} 对", households, residents, found);
    }

    /** Deterministic synthetic people. */
    static final class People {

        final Random random;
        private final LocalDate today;
        private final LongSet usedNumbers = new LongSet(1 << 21);
        private int specialNames;

        People(Random random, LocalDate today) {
            this.random = random;
            this.today = today;
        }

        BulkRegistration.Household household(String number, String community) {
            List<BulkRegistration.Person> members = new ArrayList<>();
            int shape = random.nextInt(100);
            Gender headGender = random.nextInt(100) < 70 ? Gender.MALE : Gender.FEMALE;
            String familyName = surname();
            if (shape < 10) {
                // an elderly person living alone
                LocalDate birth = birthBetween(1936, 1960);
                List<BulkRegistration.Status> statuses = new ArrayList<>(elderStatuses(birth));
                statuses.add(
                        new BulkRegistration.Status(StatusKind.LIVING_ALONE, null, null, null, today.minusYears(2)));
                members.add(person(familyName, headGender, birth, Relationship.HEAD, statuses));
            } else {
                LocalDate headBirth = birthBetween(1945, 1998);
                members.add(person(familyName, headGender, headBirth, Relationship.HEAD, elderStatuses(headBirth)));
                boolean single = shape >= 90 && shape < 95;
                LocalDate spouseBirth = headBirth.plusDays(random.nextInt(6 * 365) - 3 * 365L);
                if (!single) {
                    Gender spouseGender = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
                    members.add(person(
                            surname(), spouseGender, spouseBirth, Relationship.SPOUSE, elderStatuses(spouseBirth)));
                }
                int children = shape < 30 ? 0 : shape < 60 ? 1 : shape < 75 ? 2 : shape < 90 ? 1 : 1;
                String childSurname = headGender == Gender.MALE || single ? familyName : surnameOf(members.get(1));
                LocalDate youngest = headBirth.isAfter(spouseBirth) || single ? headBirth : spouseBirth;
                for (int k = 0; k < children; k++) {
                    LocalDate birth =
                            youngest.plusYears(22 + random.nextInt(14)).plusDays(random.nextInt(365));
                    if (birth.isAfter(today.minusDays(30))) {
                        continue;
                    }
                    Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                    BulkRegistration.Person child =
                            person(childSurname, gender, birth, Relationship.CHILD, childStatuses(birth));
                    members.add(child);
                    // three generations: the child married and has children of their own, all in one household
                    if (shape >= 75 && shape < 90 && k == 0 && birth.isBefore(today.minusYears(24))) {
                        Gender inLaw = gender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
                        LocalDate inLawBirth = birth.plusDays(random.nextInt(4 * 365) - 2 * 365L);
                        members.add(person(surname(), inLaw, inLawBirth, Relationship.CHILD_IN_LAW, List.of()));
                        String grandSurname =
                                gender == Gender.MALE ? childSurname : surnameOf(members.get(members.size() - 1));
                        int grandchildren = 1 + random.nextInt(2);
                        for (int g = 0; g < grandchildren; g++) {
                            LocalDate gBirth =
                                    birth.plusYears(23 + random.nextInt(12)).plusDays(random.nextInt(365));
                            if (!gBirth.isAfter(today.minusDays(30))) {
                                Gender gGender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                                members.add(person(
                                        grandSurname, gGender, gBirth, Relationship.GRANDCHILD, childStatuses(gBirth)));
                            }
                        }
                    }
                }
                if (shape >= 95) {
                    // a widowed parent lives with the couple
                    LocalDate parentBirth =
                            headBirth.minusYears(22 + random.nextInt(12)).minusDays(random.nextInt(365));
                    if (parentBirth.isAfter(today.minusYears(100))) {
                        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                        members.add(person(
                                gender == Gender.MALE ? familyName : surname(),
                                gender,
                                parentBirth,
                                Relationship.PARENT,
                                elderStatuses(parentBirth)));
                    }
                }
            }
            LocalDate formed = members.get(0).birthDate().plusYears(20).isBefore(today.minusYears(1))
                    ? members.get(0).birthDate().plusYears(20 + random.nextInt(5))
                    : today.minusYears(1);
            return new BulkRegistration.Household(number, community, formed.isAfter(today) ? today : formed, members);
        }

        private BulkRegistration.Person person(
                String surname,
                Gender gender,
                LocalDate birth,
                Relationship relationship,
                List<BulkRegistration.Status> statuses) {
            String name = name(surname);
            List<BulkRegistration.Status> all = new ArrayList<>(statuses);
            if (random.nextInt(1000) < 45) {
                int grade = 1 + random.nextInt(4);
                all.add(new BulkRegistration.Status(
                        StatusKind.DISABILITY,
                        DISABILITY[random.nextInt(DISABILITY.length)],
                        grade,
                        null,
                        birth.plusYears(Math.min(
                                5, java.time.Period.between(birth, today).getYears()))));
            }
            if (random.nextInt(1000) < 8 && birth.isBefore(today.minusYears(20))) {
                all.add(new BulkRegistration.Status(
                        StatusKind.SERIOUS_ILLNESS, null, null, null, today.minusMonths(1 + random.nextInt(36))));
            }
            int age = java.time.Period.between(birth, today).getYears();
            String phone = age >= 14 && random.nextInt(100) < 75 ? mobile() : null;
            return new BulkRegistration.Person(
                    name,
                    gender,
                    birth,
                    IdDocumentType.RESIDENT_ID_CARD,
                    idNumber(birth, gender),
                    random.nextInt(100) < 80 ? "610113" : ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)],
                    phone,
                    relationship,
                    all);
        }

        private List<BulkRegistration.Status> elderStatuses(LocalDate birth) {
            int age = java.time.Period.between(birth, today).getYears();
            if (age >= 75 && random.nextInt(100) < 15) {
                return List.of(new BulkRegistration.Status(
                        StatusKind.SELF_CARE,
                        null,
                        null,
                        random.nextInt(3) == 0 ? "完全失能" : "部分失能",
                        today.minusMonths(1 + random.nextInt(48))));
            }
            return List.of();
        }

        private List<BulkRegistration.Status> childStatuses(LocalDate birth) {
            int age = java.time.Period.between(birth, today).getYears();
            if (age >= 18 && age <= 22 && random.nextInt(100) < 60) {
                LocalDate from = LocalDate.of(birth.getYear() + 18, 9, 1);
                return List.of(new BulkRegistration.Status(
                        StatusKind.FULL_TIME_STUDENT, null, null, "本科", from.isAfter(today) ? today : from));
            }
            return List.of();
        }

        private String surname() {
            return random.nextInt(100) < 55
                    ? SURNAMES[random.nextInt(COMMON)]
                    : SURNAMES[random.nextInt(SURNAMES.length)];
        }

        private static String surnameOf(BulkRegistration.Person person) {
            String name = person.name();
            for (String surname : SURNAMES) {
                if (surname.length() == 2 && name.startsWith(surname)) {
                    return surname;
                }
            }
            return name.substring(0, 1);
        }

        private String name(String surname) {
            specialNames++;
            if (specialNames % 997 == 0) {
                return TRANSLITERATED[random.nextInt(TRANSLITERATED.length)] + "·"
                        + TRANSLITERATED[random.nextInt(TRANSLITERATED.length)];
            }
            if (specialNames % 1999 == 0) {
                return surname + "𠮷" + GIVEN[random.nextInt(GIVEN.length)]; // U+20BB7, outside the BMP
            }
            String given = GIVEN[random.nextInt(GIVEN.length)];
            if (random.nextInt(100) < 75) {
                given += GIVEN[random.nextInt(GIVEN.length)];
            }
            return surname + given;
        }

        private LocalDate birthBetween(int fromYear, int toYear) {
            LocalDate from = LocalDate.of(fromYear, 1, 1);
            long days = LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay();
            LocalDate date = from.plusDays((long) (random.nextDouble() * days));
            return date.isAfter(today) ? today.minusYears(1) : date;
        }

        /** A valid, unused 居民身份证号码: address code, birth date, a sequence whose last digit encodes the sex. */
        String idNumber(LocalDate birth, Gender gender) {
            String address = ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)];
            String date = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
            for (int attempt = 0; attempt < 10_000; attempt++) {
                int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
                String body = address + date + String.format("%03d", sequence);
                if (usedNumbers.add(Long.parseLong(body))) {
                    return body + IdNumber.checkCharacter(body);
                }
                address = ADDRESS_CODES[random.nextInt(ADDRESS_CODES.length)];
            }
            throw new IllegalStateException("no free ID number for a birth date");
        }

        private String mobile() {
            String[] prefixes = {
                "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
                "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"
            };
            return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
        }
    }

    /** A set of longs without boxing (1.3 million ID numbers would otherwise take a hundred megabytes). */
    static final class LongSet {

        private long[] slots;
        private int size;

        LongSet(int capacity) {
            slots = new long[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
        }

        /** Adds a positive value; false when it was there already. */
        boolean add(long value) {
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (mix(value) & mask);
            while (slots[i] != 0) {
                if (slots[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = value;
            size++;
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }

        private static long mix(long value) {
            long h = value * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }
}
