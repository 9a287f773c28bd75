package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.resident.Residents;
import cn.minzheng.resident.StatusKind;
import cn.minzheng.resident.StatusPeriod;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the assistance rules need from the resident module: households, who counts, each member's circumstances. */
@Component
class Households {

    private final Residents residents;

    Households(Residents residents) {
        this.residents = residents;
    }

    HouseholdView household(long id) {
        return residents.household(id).orElseThrow(() -> new NotFound("家庭不存在，或不在您的数据范围内"));
    }

    ResidentSummary person(long id) {
        return residents.find(id).orElseThrow(() -> new NotFound("居民不存在，或不在您的数据范围内"));
    }

    java.util.Optional<HouseholdView> householdOf(long residentId) {
        return residents.householdOf(residentId);
    }

    List<HouseholdMembershipPolicy.Decision> policy(long householdId, LocalDate on) {
        return residents.membersForAssistance(householdId, on);
    }

    /** Since when a status of this kind has held without a break up to the day, or empty if it does not hold then. */
    java.util.Optional<LocalDate> holdingSince(long residentId, StatusKind kind, LocalDate on) {
        return residents.statuses(residentId).stream()
                .filter(s -> s.kind() == kind && s.activeOn(on))
                .map(StatusPeriod::validFrom)
                .min(LocalDate::compareTo);
    }

    /** Age, disability and illness on the day, from the resident's effective-dated statuses. */
    MemberFacts facts(long residentId, LocalDate on, boolean ableToWork) {
        ResidentSummary person = person(residentId);
        MemberFacts.DisabilityCategory category = MemberFacts.DisabilityCategory.NONE;
        int grade = 0;
        boolean ill = false;
        for (StatusPeriod status : residents.statuses(residentId)) {
            if (!status.activeOn(on)) {
                continue;
            }
            if (status.kind() == StatusKind.DISABILITY) {
                category = Arrays.stream(MemberFacts.DisabilityCategory.values())
                        .filter(c -> c.label().equals(status.category()))
                        .findFirst()
                        .orElse(MemberFacts.DisabilityCategory.MULTIPLE);
                grade = status.grade() == null ? 0 : status.grade();
            } else if (status.kind() == StatusKind.SERIOUS_ILLNESS) {
                ill = true;
            }
        }
        return new MemberFacts(person.name(), person.birthDate(), category, grade, ill, ableToWork);
    }
}
