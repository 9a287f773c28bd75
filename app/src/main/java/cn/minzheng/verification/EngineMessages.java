package cn.minzheng.verification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine speaks English on its command line (outside tools rely on it); the platform shows its reject reasons and
 * refusals in Chinese. Unknown texts pass through unchanged rather than being lost.
 */
final class EngineMessages {

    private static final Pattern FIELD_COUNT = Pattern.compile("expected (\\d+) fields, found (\\d+)");
    private static final Pattern NO_ID =
            Pattern.compile("no usable id_number \\((\\w+)\\) and no name \\+ birth_date to link by");
    private static final Pattern IN_COLUMN = Pattern.compile(
            "(invalid date|invalid month|not a whole number|number out of range|not a number) in (\\w+)");
    private static final Pattern NOT_VALID = Pattern.compile(".*line (\\d+) is not valid ([\\w-]+).*");
    private static final Pattern MISSING_COLUMN = Pattern.compile(".*missing required column (\\w+).*");
    private static final Pattern OWN_MISSING = Pattern.compile("column (\\w+) missing, loaded as empty");

    private EngineMessages() {}

    static String reject(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.equals("malformed quoting")) {
            return "引号不成对（CSV 格式错误）";
        }
        if (reason.equals("empty record_id")) {
            return "record_id 为空";
        }
        Matcher m = FIELD_COUNT.matcher(reason);
        if (m.matches()) {
            return "字段数不对：应为 " + m.group(1) + " 个，实为 " + m.group(2) + " 个";
        }
        m = NO_ID.matcher(reason);
        if (m.matches()) {
            return "身份证号码不可用（" + idStatus(m.group(1)) + "），也没有姓名和出生日期可供比对";
        }
        m = IN_COLUMN.matcher(reason);
        if (m.matches()) {
            String what = switch (m.group(1)) {
                case "invalid date" -> "日期无效";
                case "invalid month" -> "月份无效";
                case "not a whole number" -> "不是整数";
                case "number out of range" -> "数值超出范围";
                default -> "不是数字";
            };
            return m.group(2) + " 列" + what;
        }
        return reason;
    }

    /** A refusal of the whole file by the engine (should the platform's own checks have let it through). */
    static String refusal(String message) {
        if (message == null) {
            return "数据文件无法导入";
        }
        Matcher m = NOT_VALID.matcher(message);
        if (m.matches()) {
            return "第 " + m.group(1) + " 行不是有效的 " + m.group(2) + " 编码";
        }
        m = MISSING_COLUMN.matcher(message);
        if (m.matches()) {
            return "缺少必需的列：" + m.group(1);
        }
        return "数据文件无法导入";
    }

    static String warning(String warning) {
        Matcher m = OWN_MISSING.matcher(warning);
        return m.matches() ? "缺少 " + m.group(1) + " 列，该列按空值导入" : warning;
    }

    private static String idStatus(String status) {
        return switch (status) {
            case "EMPTY" -> "空";
            case "EXCEL_DAMAGED" -> "被电子表格损坏";
            case "BAD_CHECK" -> "校验码错误";
            case "BAD_DATE" -> "出生日期无效";
            default -> "格式错误";
        };
    }
}
