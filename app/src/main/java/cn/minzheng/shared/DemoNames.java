package cn.minzheng.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but plausible names: communities named after roads and landmarks the way Xi'an communities usually are,
 * and staff names from common surnames and given-name characters. Deterministic for a given seed.
 */
public final class DemoNames {

    private static final String[] STEMS = {
        "翠华", "小寨", "雁塔", "长延", "电子", "科技", "丈八", "鱼化", "曲江", "等驾", "杜城", "漳浒", "吉祥", "含光",
        "朱雀", "太白", "高新", "唐延", "锦业", "木塔", "西影", "芙蓉", "大唐", "春临", "乐居", "明德", "育才", "红专",
        "青松", "瓦胡", "岳家", "甘家", "东仪", "西斜", "八里", "瑞鑫", "枫林", "绿洲", "金辉", "融侨", "紫薇", "雁鸣",
        "南窑", "北池", "观音", "永松", "旺座", "新开", "延兴", "丁白", "昆明", "沣惠", "天谷", "云水", "海棠", "梧桐"
    };
    private static final String[] PLACES = {"路", "东路", "西路", "南路", "北路", "街", "苑", "坊", "园", "里", "村", "小区"};
    private static final String[] NUMBERS = {"", "", "", "一", "二", "三", "第一", "第二"};

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "华", "建", "文", "辉", "玲", "红", "宁", "欣", "晨", "雪", "海", "波", "莉", "鹏", "慧", "倩", "婷", "浩"
    };

    private final Random random;
    private final Set<String> used = new LinkedHashSet<>();

    public DemoNames(long seed) {
        this.random = new Random(seed);
    }

    public String community() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String name = STEMS[random.nextInt(STEMS.length)] + NUMBERS[random.nextInt(NUMBERS.length)]
                    + PLACES[random.nextInt(PLACES.length)] + "社区";
            if (used.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("ran out of community names");
    }

    public List<String> communities(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(community());
        }
        return names;
    }

    public String person() {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        if (random.nextBoolean()) {
            given += GIVEN[random.nextInt(GIVEN.length)];
        }
        return SURNAMES[random.nextInt(SURNAMES.length)] + given;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
