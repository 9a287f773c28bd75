package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Applications;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** Reading the screens' forms: amounts in yuan as people type them, dates, lists typed in one box, uploaded scans. */
final class Forms {

    private Forms() {}

    static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean flag(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
    }

    static Boolean choice(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? null : Boolean.valueOf(value.equals("true"));
    }

    static long fen(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return 0;
        }
        try {
            Money money = Money.parse(value);
            if (money.isNegative()) {
                throw new BusinessRuleViolation("金额不能为负数：" + value);
            }
            return money.fen();
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation(e.getMessage());
        }
    }

    static int number(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BusinessRuleViolation("须为整数：" + value);
        }
    }

    static Integer optionalNumber(MultiValueMap<String, String> form, String name) {
        return text(form, name) == null ? null : number(form, name);
    }

    static Long optionalLong(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BusinessRuleViolation("所选项目无效，请重新查找并选择");
        }
    }

    static LocalDate date(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation("日期格式不正确，请用日期选择框选择日期");
        }
    }

    /** Names typed in one box, separated by commas, 、 or blanks. */
    static List<String> names(String typed) {
        List<String> out = new ArrayList<>();
        if (typed != null) {
            for (String part : typed.split("[,，、;；\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** The scans uploaded as {@code file_<KIND>}. */
    static List<Applications.Material> materials(Map<String, MultipartFile> files) {
        List<Applications.Material> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        files.forEach((field, file) -> {
            if (field.startsWith("file_") && file != null && !file.isEmpty()) {
                try {
                    out.add(new Applications.Material(field.substring(5), file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return out;
    }
}
