package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.resident.HouseholdMembershipPolicy.Decision;
import cn.minzheng.resident.HouseholdMembershipPolicy.Member;
import cn.minzheng.resident.HouseholdMembershipPolicy.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 《最低生活保障审核确认办法》第七条, clause by clause. */
class HouseholdMembershipPolicyTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 1);

    private static Member member(Relationship relationship, LocalDate birth, StatusPeriod... statuses) {
        return new Member(1, "某某", relationship, birth, null, List.of(statuses));
    }

    private static StatusPeriod status(StatusKind kind, String category, Integer grade, String level, LocalDate from) {
        return new StatusPeriod(1, 1, kind, category, grade, level, null, from, null, "t", null);
    }

    private static Decision decide(Member member) {
        return HouseholdMembershipPolicy.decide(member, ON);
    }

    @Test
    void spouseAndMinorChildrenCount() {
        Decision spouse = decide(member(Relationship.SPOUSE, LocalDate.of(1980, 1, 1)));
        assertThat(spouse.verdict()).isEqualTo(Verdict.INCLUDED);
        assertThat(spouse.basis()).isEqualTo("《最低生活保障审核确认办法》第七条第一款第（一）项");
        Decision minor = decide(member(Relationship.CHILD, LocalDate.of(2010, 1, 1)));
        assertThat(minor.verdict()).isEqualTo(Verdict.INCLUDED);
        assertThat(minor.basis()).endsWith("第一款第（二）项");
        assertThat(minor.explanation()).contains("15周岁");
    }

    @Test
    void adultChildrenCountWhenStudyingUpToBachelorOrUnableToLiveIndependently() {
        LocalDate adult = LocalDate.of(2004, 1, 1);
        Decision student = decide(member(
                Relationship.CHILD, adult, status(StatusKind.FULL_TIME_STUDENT, null, null, "本科", ON.minusYears(2))));
        assertThat(student.verdict()).isEqualTo(Verdict.INCLUDED);
        assertThat(student.basis()).endsWith("第一款第（三）项");
        Decision disabled = decide(
                member(Relationship.CHILD, adult, status(StatusKind.DISABILITY, "智力", 2, null, ON.minusYears(10))));
        assertThat(disabled.basis()).endsWith("第一款第（三）项");
        Decision postgraduate = decide(member(
                Relationship.CHILD,
                adult,
                status(StatusKind.FULL_TIME_STUDENT, null, null, "研究生", ON.minusYears(1)),
                status(StatusKind.LIVING_APART, null, null, null, ON.minusYears(1))));
        assertThat(postgraduate.verdict()).isEqualTo(Verdict.EXCLUDED);
    }

    @Test
    void othersWithALegalDutyCountOnlyWhenLivingTogether() {
        assertThat(decide(member(Relationship.PARENT, LocalDate.of(1950, 1, 1))).verdict())
                .isEqualTo(Verdict.INCLUDED);
        assertThat(decide(member(
                                Relationship.PARENT,
                                LocalDate.of(1950, 1, 1),
                                status(StatusKind.LIVING_APART, null, null, null, ON.minusYears(5))))
                        .verdict())
                .isEqualTo(Verdict.EXCLUDED);
        Decision grandchild = decide(member(Relationship.GRANDCHILD, LocalDate.of(2015, 1, 1)));
        assertThat(grandchild.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(grandchild.explanation()).contains("民法典");
        assertThat(decide(member(Relationship.NON_RELATIVE, LocalDate.of(1990, 1, 1)))
                        .verdict())
                .isEqualTo(Verdict.EXCLUDED);
    }

    @Test
    void secondParagraphExcludesPrisonersDrugRehabilitationMissingAndClergyApartForThreeYears() {
        for (StatusKind kind : List.of(
                StatusKind.IMPRISONED, StatusKind.COMPULSORY_DRUG_REHABILITATION, StatusKind.DECLARED_MISSING)) {
            Decision decision = decide(member(
                    Relationship.SPOUSE, LocalDate.of(1980, 1, 1), status(kind, null, null, null, ON.minusMonths(3))));
            assertThat(decision.verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(decision.basis()).endsWith("第二款第（二）项");
        }
        Decision clergy = decide(member(
                Relationship.CHILD,
                LocalDate.of(1990, 1, 1),
                status(StatusKind.CLERGY_LIVING_APART, null, null, null, ON.minusYears(3))));
        assertThat(clergy.verdict()).isEqualTo(Verdict.EXCLUDED);
        assertThat(clergy.basis()).endsWith("第二款第（一）项");
        Decision notYet = decide(member(
                Relationship.SPOUSE,
                LocalDate.of(1990, 1, 1),
                status(StatusKind.CLERGY_LIVING_APART, null, null, null, ON.minusYears(2))));
        assertThat(notYet.verdict()).isEqualTo(Verdict.INCLUDED);
        assertThat(notYet.explanation()).contains("未满三年");
    }

    @Test
    void aStatusThatEndedNoLongerExcludes() {
        StatusPeriod served = new StatusPeriod(
                1, 1, StatusKind.IMPRISONED, null, null, null, null, ON.minusYears(3), ON.minusYears(1), "t", null);
        assertThat(decide(member(Relationship.SPOUSE, LocalDate.of(1980, 1, 1), served))
                        .verdict())
                .isEqualTo(Verdict.INCLUDED);
    }
}
