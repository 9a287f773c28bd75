package cn.minzheng.marriage;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.PersonName;
import java.time.LocalDate;
import java.time.Period;

/**
 * The checks of a booking that need no database: the release window, the parties' names and ID numbers (GB 11643), and
 * for a marriage the legal ages (民法典 第一千零四十七条) and that the parties are a man and a woman (第一千零四十六条、
 * 第一千零四十九条). Each refusal says which rule. Checking at booking spares a couple a wasted trip; the registrar checks
 * again at the counter.
 */
final class BookingRules {

    private BookingRules() {}

    /** A party whose name and ID number passed the checks. */
    record CheckedParty(PersonName name, IdNumber id) {}

    static void requireInWindow(LocalDate date, LocalDate today, int releaseDays) {
        if (date == null) {
            throw new BusinessRuleViolation("请选择预约日期");
        }
        if (date.isBefore(today)) {
            throw new BusinessRuleViolation("预约日期已过，请选择今天或以后的日期");
        }
        LocalDate last = today.plusDays(releaseDays);
        if (date.isAfter(last)) {
            throw new BusinessRuleViolation("只能预约今天起 " + releaseDays + " 天内的日期（最晚 " + last.getYear() + " 年 "
                    + last.getMonthValue() + " 月 " + last.getDayOfMonth() + " 日）");
        }
    }

    static CheckedParty party(String which, Party party, LocalDate today) {
        if (party == null) {
            throw new BusinessRuleViolation("请填写" + which + "的姓名和身份证号码");
        }
        PersonName.Check name = PersonName.check(party.name() == null ? "" : party.name());
        if (!name.valid()) {
            throw new BusinessRuleViolation(which + "的姓名：" + name.problem());
        }
        IdNumber.Check id = IdNumber.check(IdDocumentType.RESIDENT_ID_CARD, party.idNumber(), today);
        if (!id.valid()) {
            throw new BusinessRuleViolation(which + "的居民身份证号码：" + id.message());
        }
        return new CheckedParty(name.name(), id.number());
    }

    /**
     * The two parties of a booking. For a marriage: a man and a woman, each of legal age on the appointment date (the
     * day the registration would be made).
     */
    static void requireCouple(
            AppointmentKind kind,
            CheckedParty a,
            CheckedParty b,
            LocalDate date,
            int minimumAgeMan,
            int minimumAgeWoman) {
        if (kind == null) {
            throw new BusinessRuleViolation("请选择预约事项：结婚登记或离婚登记");
        }
        if (a.id().equals(b.id())) {
            throw new BusinessRuleViolation("双方的身份证号码相同，请核对");
        }
        if (kind != AppointmentKind.MARRIAGE) {
            return;
        }
        Gender genderA = a.id().gender().orElseThrow();
        Gender genderB = b.id().gender().orElseThrow();
        if (genderA == genderB) {
            throw new BusinessRuleViolation("结婚登记须由男女双方申请（《中华人民共和国民法典》第一千零四十九条）");
        }
        requireAge("男方", genderA == Gender.MALE ? a : b, date, minimumAgeMan);
        requireAge("女方", genderA == Gender.FEMALE ? a : b, date, minimumAgeWoman);
    }

    private static void requireAge(String who, CheckedParty party, LocalDate date, int minimum) {
        LocalDate birth = party.id().birthDate().orElseThrow();
        int age = Period.between(birth, date).getYears();
        if (age < minimum) {
            LocalDate reaches = birth.plusYears(minimum);
            throw new BusinessRuleViolation(who + "在预约日期未满 " + minimum + " 周岁，不符合法定婚龄（《中华人民共和国民法典》第一千零四十七条），"
                    + "可预约 " + reaches.getYear() + " 年 " + reaches.getMonthValue() + " 月 " + reaches.getDayOfMonth()
                    + " 日以后的日期");
        }
    }
}
