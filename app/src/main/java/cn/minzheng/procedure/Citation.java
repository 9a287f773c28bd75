package cn.minzheng.procedure;

import java.time.LocalDate;

/**
 * A resolved citation: 《最低生活保障审核确认办法》第十九条 with the catalogue's short summary of the article and the
 * dates the document is in force.
 */
public record Citation(
        String document,
        String article,
        String title,
        String label,
        String summary,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String confidence) {

    /** 《title》第N条 (or just 《title》 when no article is cited). */
    public String text() {
        return "《" + title + "》" + (label == null ? "" : label);
    }

    public Basis basis() {
        return new Basis(document, article);
    }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !effectiveFrom.isAfter(date))
                && (effectiveTo == null || effectiveTo.isAfter(date));
    }
}
