package cn.minzheng.resident;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.PersonName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many households at once from data that is already clean (the demo district, data migrations): each
 * value is still checked — names, ID numbers, their agreement with gender and birth date, communities in scope — but a
 * bad value is a programming error, not a user's mistake, and fails the whole batch. Users import through
 * {@link ResidentImports}, which reports every bad row instead.
 */
@Service
@PreAuthorize(ResidentRoles.WRITE)
public class BulkRegistration {

    private final RegistrationWriter writer;
    private final Communities communities;
    private final MasterPersonIndex index;

    BulkRegistration(RegistrationWriter writer, Communities communities, MasterPersonIndex index) {
        this.writer = writer;
        this.communities = communities;
        this.index = index;
    }

    public record Status(StatusKind kind, String category, Integer grade, String level, LocalDate from) {}

    public record Person(
            String name,
            Gender gender,
            LocalDate birthDate,
            IdDocumentType documentType,
            String idNumber,
            String hukouAddressCode,
            String phone,
            Relationship relationship,
            List<Status> statuses) {}

    /** A household; its first member is the head. */
    public record Household(String householdNo, String communityCode, LocalDate formedOn, List<Person> members) {}

    /** Stores the households in one transaction; returns the number of residents registered. */
    @Transactional
    public int register(List<Household> households) {
        DataScope scope = Staff.scope();
        String actor = Staff.name();
        int people = households.stream().mapToInt(h -> h.members().size()).sum();
        long[] residentIds = writer.residentIds(people);
        long[] householdIds = writer.householdIds(households.size());
        List<RegistrationWriter.NewResident> residents = new ArrayList<>(people);
        List<RegistrationWriter.NewHousehold> newHouseholds = new ArrayList<>(households.size());
        List<RegistrationWriter.NewMembership> memberships = new ArrayList<>(people);
        List<RegistrationWriter.NewHouseholdEvent> events = new ArrayList<>(households.size());
        List<RegistrationWriter.NewStatus> statusRows = new ArrayList<>();
        int next = 0;
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (int h = 0; h < households.size(); h++) {
            Household household = households.get(h);
            if (checked.add(household.communityCode())) {
                String problem = communities.problem(household.communityCode(), scope);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            }
            long householdId = householdIds[h];
            long headId = residentIds[next];
            if (household.members().isEmpty() || household.members().get(0).relationship() != Relationship.HEAD) {
                throw new IllegalArgumentException(
                        "the first member of household " + household.householdNo() + " must be its head");
            }
            for (Person person : household.members()) {
                long id = residentIds[next++];
                IdNumber number = person.documentType() == IdDocumentType.NONE
                        ? null
                        : IdNumber.of(person.documentType(), person.idNumber());
                if (number != null
                        && (number.birthDate()
                                        .filter(d -> !d.equals(person.birthDate()))
                                        .isPresent()
                                || number.gender()
                                        .filter(g -> g != person.gender())
                                        .isPresent())) {
                    throw new IllegalArgumentException(
                            "birth date or gender disagrees with the ID number of resident " + id);
                }
                residents.add(new RegistrationWriter.NewResident(
                        id,
                        household.communityCode(),
                        PersonName.of(person.name()),
                        person.gender(),
                        person.birthDate(),
                        person.documentType(),
                        number,
                        person.hukouAddressCode(),
                        person.phone() == null
                                ? null
                                : ContactNumbers.phone(person.phone()).orElseThrow(),
                        null));
                memberships.add(new RegistrationWriter.NewMembership(
                        householdId,
                        id,
                        household.communityCode(),
                        person.relationship(),
                        null,
                        JoinReason.REGISTERED));
                for (Status status : person.statuses() == null ? List.<Status>of() : person.statuses()) {
                    statusRows.add(new RegistrationWriter.NewStatus(
                            id,
                            household.communityCode(),
                            status.kind(),
                            status.category(),
                            status.grade(),
                            status.level(),
                            status.from()));
                }
            }
            newHouseholds.add(new RegistrationWriter.NewHousehold(
                    householdId,
                    household.communityCode(),
                    household.householdNo(),
                    headId,
                    household.formedOn(),
                    null));
            events.add(new RegistrationWriter.NewHouseholdEvent(
                    householdId,
                    household.communityCode(),
                    HouseholdEventKind.FORMED,
                    headId,
                    household.formedOn(),
                    null));
        }
        writer.residents(residents, actor);
        writer.households(newHouseholds, actor);
        writer.memberships(memberships);
        writer.householdEvents(events, actor);
        writer.statuses(statusRows, actor);
        return people;
    }

    /** Looks for duplicates among everyone in the caller's scope (after a bulk load). */
    @Transactional
    public int findDuplicates() {
        return index.scan();
    }
}
