package cn.minzheng.verification.core.generate;

import cn.minzheng.verification.core.normalize.NameTables;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic Chinese names: surnames with a steep frequency curve (the top few cover a large share, as in published
 * tables), given names of one or two characters from lists that differ by sex and by generation, so that namesakes
 * occur at a realistic rate. A few minority names with a middle dot and a few rare characters (生僻字) are mixed in.
 * Every character is in the syllable table, which is how the homophone variants are drawn. Synthetic only.
 */
final class NameMaker {

    private static final String[] SURNAMES =
            ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 "
                            + "姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 莫 孔 向 汤 "
                            + "欧阳 司马 诸葛 上官")
                    .split(" ");
    private static final String OLD_MALE = "建国军明华伟强平刚勇志成德海文斌林永新东祥福荣生忠庆兴振宝全金立春山胜兵民友良红卫光富贵长江";
    private static final String OLD_FEMALE = "秀英兰芳玉珍桂淑华丽琴梅霞凤红燕萍敏静春莲翠素云荣美玲娟琼香彩菊花艳芬慧雪洁";
    private static final String YOUNG_MALE = "浩宇轩子涵博文俊杰晨一泽鹏睿逸辰昊凯楷磊鑫旭帆峰阳天宸铭皓煜哲瑞航然宁远翔奕霖安嘉诚乐康毅鸿振宏凡骏彬";
    private static final String YOUNG_FEMALE = "欣怡诗思雨涵佳梓萱雅婷晶悦琳颖瑶妍蕾莹蓉雯梦倩嘉晴可馨语桐彤若曦妮露菲琪雪月朵恬";
    private static final String RARE = "䶮堃垚燊玥喆赟昳";
    private static final String[] MINORITY_PARTS = {
        "买买提", "艾力", "阿不都", "热合曼", "古丽", "努尔", "扎西", "次仁", "卓玛", "央金", "阿依", "穆拉提"
    };
    private static final double[] SURNAME_CUMULATIVE = cumulativeWeights(SURNAMES.length);

    private NameMaker() {}

    static String surname(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = SURNAME_CUMULATIVE.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SURNAME_CUMULATIVE[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return SURNAMES[lo];
    }

    /** A full name for someone of the given sex born in the given year, with the given surname. */
    static String name(SplittableRandom random, boolean male, int birthYear, String surname) {
        double kind = random.nextDouble();
        if (kind < 0.005) {
            String first = MINORITY_PARTS[random.nextInt(MINORITY_PARTS.length)];
            String second = MINORITY_PARTS[random.nextInt(MINORITY_PARTS.length)];
            return first + "·" + second;
        }
        String pool = birthYear < 1980 ? (male ? OLD_MALE : OLD_FEMALE) : (male ? YOUNG_MALE : YOUNG_FEMALE);
        StringBuilder name = new StringBuilder(4).append(surname);
        boolean twoChars = random.nextDouble() < (birthYear < 1980 ? 0.65 : 0.85);
        name.append(pool.charAt(random.nextInt(pool.length())));
        if (twoChars) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        if (kind < 0.006) {
            name.setCharAt(name.length() - 1, RARE.charAt(random.nextInt(RARE.length())));
        }
        return name.toString();
    }

    /** A recorded variant of a name: a homophone in the last character, or a rare character spelt or unprintable. */
    static String variant(SplittableRandom random, String name) {
        NameTables tables = NameTables.get();
        char last = name.charAt(name.length() - 1);
        int rare = RARE.indexOf(last);
        if (rare >= 0) {
            String spelt = random.nextBoolean() ? tables.syllable(last) : "?";
            return name.substring(0, name.length() - 1) + spelt;
        }
        String syllable = tables.syllable(last);
        List<Character> homophones = syllable == null ? List.of() : tables.homophones(syllable);
        if (homophones.size() > 1) {
            char other = last;
            while (other == last) {
                other = homophones.get(random.nextInt(homophones.size()));
            }
            return name.substring(0, name.length() - 1) + other;
        }
        return writtenOtherwise(random, name);
    }

    /**
     * The same name written another way, as another department's system may hold it: in traditional characters
     * (ICU's Hans-Hant, through the name table), with blanks (half- or full-width) between the characters, with
     * another dot in a minority name, or several of these at once.
     */
    static String writtenOtherwise(SplittableRandom random, String name) {
        NameTables tables = NameTables.get();
        if (name.indexOf('·') >= 0) {
            String[] dots = {"・", ".", "•", "．", " · ", "‧", ""};
            String written = name.replace("·", dots[random.nextInt(dots.length)]);
            return random.nextBoolean() ? traditional(tables, written) : written;
        }
        int choice = random.nextInt(4);
        String traditional = traditional(tables, name);
        if (choice <= 1 && !traditional.equals(name)) {
            return choice == 0 ? traditional : spaced(traditional, random.nextBoolean() ? " " : "\u3000");
        }
        if (choice == 2) {
            return spaced(name, "\u3000");
        }
        return name.charAt(0) + " " + name.substring(1);
    }

    private static String traditional(NameTables tables, String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            Character t = tables.traditional(name.charAt(i));
            out.append(t != null ? t : name.charAt(i));
        }
        return out.toString();
    }

    private static String spaced(String name, String blank) {
        StringBuilder out = new StringBuilder(name.length() * 2);
        for (int i = 0; i < name.length(); i++) {
            if (i > 0) {
                out.append(blank);
            }
            out.append(name.charAt(i));
        }
        return out.toString();
    }

    private static double[] cumulativeWeights(int n) {
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / Math.pow(i + 1.5, 1.05);
            total += weights[i];
        }
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += weights[i] / total;
            weights[i] = running;
        }
        weights[n - 1] = 1.0;
        return weights;
    }
}
