package cn.minzheng.verification;

import cn.minzheng.verification.core.store.Source;

/** Chinese words for the engine's codes, as the screens and the report show them. */
final class Labels {

    private Labels() {}

    static String severity(String severity) {
        if (severity == null) {
            return "";
        }
        return switch (severity) {
            case "DISQUALIFYING" -> "不符合条件（待核实）";
            case "NEEDS_EXPLANATION" -> "需说明情况";
            case "INFORMATION" -> "提示信息";
            default -> severity;
        };
    }

    static String tier(String tier) {
        if (tier == null) {
            return "";
        }
        return switch (tier) {
            case "ID" -> "身份证号码一致";
            case "NAME_BIRTH" -> "姓名和出生日期一致（须人工核实）";
            default -> tier;
        };
    }

    static String source(String code) {
        return code == null ? "" : Source.ofCode(code).map(Source::title).orElse(code);
    }

    static String verdict(String verdict) {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case "INCLUDED" -> "计入";
            case "EXCLUDED" -> "不计入";
            case "NEEDS_REVIEW" -> "须核实";
            default -> verdict;
        };
    }

    static String requestStatus(String status) {
        return switch (status) {
            case "COMPLETED" -> "已完成";
            case "REFUSED" -> "未核对（缺授权）";
            case "FAILED" -> "失败";
            default -> status;
        };
    }

    static String kind(String kind) {
        return "CASE".equals(kind) ? "业务案件" : "批量复核";
    }
}
