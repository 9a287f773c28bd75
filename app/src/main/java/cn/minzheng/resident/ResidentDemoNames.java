package cn.minzheng.resident;

import java.util.Random;

/**
 * The demo residents' names: common surnames and given-name characters, with a few compound surnames, polyphonic
 * surnames (曾, 单), a name with a character outside the Basic Multilingual Plane (𠮷) and transliterated names with
 * “·”. Draws from the demo's one random sequence, so that the district comes out the same for a seed.
 */
final class ResidentDemoNames {

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

    private final Random random;
    private int specialNames;

    ResidentDemoNames(Random random) {
        this.random = random;
    }

    String surname() {
        return random.nextInt(100) < 55 ? SURNAMES[random.nextInt(COMMON)] : SURNAMES[random.nextInt(SURNAMES.length)];
    }

    static String surnameOf(BulkRegistration.Person person) {
        String name = person.name();
        for (String surname : SURNAMES) {
            if (surname.length() == 2 && name.startsWith(surname)) {
                return surname;
            }
        }
        return name.substring(0, 1);
    }

    String name(String surname) {
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
}
