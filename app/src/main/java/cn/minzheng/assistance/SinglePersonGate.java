package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.resident.StatusKind;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the ground a single-person 低保 application (单人户) is taken on against what the platform knows: the
 * person's disability and illness on the day (resident statuses), the household's 低保边缘 recognition in force, the
 * age. A ground the facts do not bear is refused with what is missing, so that nobody is assessed alone because a box
 * was ticked.
 */
@Component
class SinglePersonGate {

    private final Households households;
    private final JdbcClient jdbc;

    SinglePersonGate(Households households, JdbcClient jdbc) {
        this.households = households;
        this.jdbc = jdbc;
    }

    /** What the clerk states for the ground: a note (the religious site, the county's document, being unemployed). */
    record Statement(SinglePersonGround ground, String note) {}

    void check(long personId, Long householdId, Statement s, LocalDate on) {
        if (s == null || s.ground() == null) {
            throw new BusinessRuleViolation("单人户申请须选择可以单独申请的情形（《最低生活保障审核确认办法》第八条；2022年《通知》第一部分第（一）项）");
        }
        MemberFacts person = households.facts(personId, on, false);
        String who = person.name();
        switch (s.ground()) {
            case EDGE_SEVERE_DISABILITY -> {
                if (!person.severeForSingleApplication()) {
                    throw new BusinessRuleViolation(who + "的居民档案中没有一级、二级残疾或三级智力、精神残疾的记录（" + disability(person) + "），不符合"
                            + s.ground().basis() + "的情形");
                }
                requireEdge(who, householdId, on, s.ground());
            }
            case EDGE_SERIOUS_ILLNESS -> {
                if (!person.seriouslyIll()) {
                    throw new BusinessRuleViolation(
                            who + "的居民档案中没有重特大疾病的记录，不符合" + s.ground().basis() + "的情形；请先在居民档案中登记疾病情况");
                }
                requireEdge(who, householdId, on, s.ground());
            }
            case CLERGY -> {
                LocalDate since = households
                        .holdingSince(personId, StatusKind.CLERGY_LIVING_APART, on)
                        .orElseThrow(
                                () -> new BusinessRuleViolation(who + "的居民档案中没有“宗教教职人员脱离家庭独立生活”的记录，请先在居民档案中登记（含开始日期）"));
                if (since.plusYears(3).isAfter(on)) {
                    throw new BusinessRuleViolation(who + "自 " + since + " 起脱离家庭在宗教场所居住，不满三年，不能依"
                            + s.ground().basis() + "单独申请");
                }
                requireNote(s, "请写明所在宗教场所");
            }
            case COUNTY_DESIGNATED -> requireNote(s, "请写明规定该情形的民政部门文件名称和文号");
            case ADULT_UNEMPLOYED_SEVERELY_DISABLED -> {
                if (person.ageOn(on) < 18) {
                    throw new BusinessRuleViolation(who + "未满18周岁，不属于成年无业重度残疾人");
                }
                if (!person.severelyDisabled()) {
                    throw new BusinessRuleViolation(
                            who + "的居民档案中没有一级、二级（重度）残疾的记录（" + disability(person) + "），不属于成年无业重度残疾人");
                }
                if (households
                        .holdingSince(personId, StatusKind.REGISTERED_UNEMPLOYED, on)
                        .isEmpty()) {
                    requireNote(s, "请写明无业的情况（如未就业、无经营收入），或在居民档案中登记失业");
                }
            }
        }
    }

    private void requireEdge(String who, Long householdId, LocalDate on, SinglePersonGround ground) {
        boolean edge = householdId != null
                && jdbc.sql("""
                                select count(*) from assistance_status
                                where category_code = 'DIBAO_EDGE' and subject_type = 'HOUSEHOLD' and subject_id = ?
                                  and effective_from <= ? and (effective_to is null or effective_to > ?)
                                """).params(householdId, on, on).query(Long.class).single() > 0;
        if (!edge) {
            throw new BusinessRuleViolation(
                    who + "所在家庭未被认定为低保边缘家庭，不能依" + ground.basis() + "单独申请；请先为其家庭申请低保边缘家庭认定，或按家庭申请低保");
        }
    }

    private static void requireNote(Statement s, String what) {
        if (s.note() == null || s.note().strip().length() < 4) {
            throw new BusinessRuleViolation(what + "（" + s.ground().label() + "）");
        }
    }

    private static String disability(MemberFacts person) {
        return person.disabilityCategory() == MemberFacts.DisabilityCategory.NONE
                ? "无残疾记录"
                : person.disabilityCategory().label() + "残疾" + person.disabilityGrade() + "级";
    }
}
