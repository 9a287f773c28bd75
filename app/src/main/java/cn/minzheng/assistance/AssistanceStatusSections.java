package cn.minzheng.assistance;

import cn.minzheng.resident.ResidentPageSections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance a resident or household holds now, on their pages in the resident module (审核确认办法第三十条: changes
 * are handled through dynamic management, not by a new application): each status in words with a link to report a
 * change and open the review.
 */
@Component
class AssistanceStatusSections implements ResidentPageSections {

    private final CurrentStatuses statuses;
    private final Households households;

    AssistanceStatusSections(CurrentStatuses statuses, Households households) {
        this.statuses = statuses;
        this.households = households;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> forResident(long residentId, LocalDate on) {
        List<Row> rows = new ArrayList<>();
        statuses.ofPerson(residentId, on).forEach(s -> rows.add(row("本人", s)));
        households
                .householdOf(residentId)
                .ifPresent(h -> statuses.ofHousehold(h.id(), on).forEach(s -> rows.add(row("所在家庭", s))));
        return List.of(new Section("社会救助（现享受）", rows, "目前没有享受低保、特困、低保边缘或刚性支出困难家庭救助。"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> forHousehold(long householdId, LocalDate on) {
        List<Row> rows = new ArrayList<>();
        statuses.ofHousehold(householdId, on).forEach(s -> rows.add(row("本家庭", s)));
        households
                .household(householdId)
                .members()
                .forEach(m -> statuses.ofPerson(m.resident().id(), on)
                        .forEach(s -> rows.add(row(m.resident().name(), s))));
        return List.of(new Section("社会救助（现享受）", rows, "本家庭及其成员目前没有享受低保、特困、低保边缘或刚性支出困难家庭救助。"));
    }

    private static Row row(String who, CurrentStatuses.Held s) {
        return new Row(who, s.inWords(), "/assistance/reviews?status=" + s.id(), "情况有变化：登记并核查（动态管理）");
    }
}
