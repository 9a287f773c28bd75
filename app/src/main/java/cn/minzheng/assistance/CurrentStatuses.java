package cn.minzheng.assistance;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The assistance a household or a person holds now — in force on the day or decided and starting later — in words:
 * which programme, since when, how much, on which decision. Read in the caller's scope (row-level security).
 */
@Component
class CurrentStatuses {

    private final JdbcClient jdbc;

    CurrentStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Held(
            long id,
            String category,
            String categoryName,
            String programme,
            String subjectType,
            long subjectId,
            String level,
            long monthlyAmountFen,
            LocalDate from,
            LocalDate to,
            String decisionRef) {

        /** e.g. 最低生活保障对象（自2026年8月1日起，每月 1,349.99 元，决定文号 雁民低保〔2026〕12号） */
        String inWords() {
            StringBuilder out = new StringBuilder(categoryName)
                    .append("（自")
                    .append(date(from))
                    .append("起");
            if (to != null) {
                out.append("至").append(date(to.minusDays(1)));
            }
            if (monthlyAmountFen > 0) {
                out.append("，每月 ").append(DecisionReasons.yuan(monthlyAmountFen));
            }
            return out.append("，决定文号 ").append(decisionRef).append("）").toString();
        }

        private static String date(LocalDate d) {
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
    }

    /** Statuses of the household itself (低保 of the household, 低保边缘, 刚性支出困难) not ended by the day. */
    List<Held> ofHousehold(long householdId, LocalDate on) {
        return held("subject_type = 'HOUSEHOLD' and subject_id = :id", householdId, on);
    }

    /** Statuses of the person alone (特困, 单人户低保) not ended by the day. */
    List<Held> ofPerson(long residentId, LocalDate on) {
        return held("subject_type = 'PERSON' and subject_id = :id", residentId, on);
    }

    private List<Held> held(String subject, long id, LocalDate on) {
        return jdbc.sql("""
                        select s.*, c.name as category_name from assistance_status s
                        join assistance_category c on c.code = s.category_code
                        where %s and (s.effective_to is null or s.effective_to > :on)
                          and coalesce(s.programme_code, '') <> 'TEKUN_CARE'
                        order by s.effective_from, s.id
                        """.formatted(subject))
                .param("id", id)
                .param("on", on)
                .query((rs, n) -> new Held(
                        rs.getLong("id"),
                        rs.getString("category_code"),
                        rs.getString("category_name"),
                        rs.getString("programme_code"),
                        rs.getString("subject_type"),
                        rs.getLong("subject_id"),
                        rs.getString("level"),
                        rs.getLong("monthly_amount_fen"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class),
                        rs.getString("decision_ref")))
                .list();
    }
}
