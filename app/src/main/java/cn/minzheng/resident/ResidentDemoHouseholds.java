package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo district's households, deterministic for a seed: single elderly people, couples, couples with children,
 * three generations, single parents, a widowed parent living with the couple; statuses (disability, self-care,
 * full-time study, serious illness, living alone) at plausible rates.
 */
final class ResidentDemoHouseholds {

    private static final String[] DISABILITY = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"};

    final Random random;
    private final LocalDate today;
    private final ResidentDemoNames names;
    private final ResidentDemoNumbers numbers;

    ResidentDemoHouseholds(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.names = new ResidentDemoNames(random);
        this.numbers = new ResidentDemoNumbers(random);
    }

    BulkRegistration.Household household(String number, String community) {
        List<BulkRegistration.Person> members = new ArrayList<>();
        int shape = random.nextInt(100);
        Gender headGender = random.nextInt(100) < 70 ? Gender.MALE : Gender.FEMALE;
        String familyName = names.surname();
        if (shape < 10) {
            // an elderly person living alone
            LocalDate birth = birthBetween(1936, 1960);
            List<BulkRegistration.Status> statuses = new ArrayList<>(elderStatuses(birth));
            statuses.add(new BulkRegistration.Status(StatusKind.LIVING_ALONE, null, null, null, today.minusYears(2)));
            members.add(person(familyName, headGender, birth, Relationship.HEAD, statuses));
        } else {
            LocalDate headBirth = birthBetween(1945, 1998);
            members.add(person(familyName, headGender, headBirth, Relationship.HEAD, elderStatuses(headBirth)));
            boolean single = shape >= 90 && shape < 95;
            LocalDate spouseBirth = headBirth.plusDays(random.nextInt(6 * 365) - 3 * 365L);
            if (!single) {
                Gender spouseGender = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
                members.add(person(
                        names.surname(), spouseGender, spouseBirth, Relationship.SPOUSE, elderStatuses(spouseBirth)));
            }
            int children = shape < 30 ? 0 : shape < 60 ? 1 : shape < 75 ? 2 : shape < 90 ? 1 : 1;
            String childSurname =
                    headGender == Gender.MALE || single ? familyName : ResidentDemoNames.surnameOf(members.get(1));
            LocalDate youngest = headBirth.isAfter(spouseBirth) || single ? headBirth : spouseBirth;
            for (int k = 0; k < children; k++) {
                LocalDate birth = youngest.plusYears(22 + random.nextInt(14)).plusDays(random.nextInt(365));
                if (birth.isAfter(today.minusDays(30))) {
                    continue;
                }
                Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                BulkRegistration.Person child =
                        person(childSurname, gender, birth, Relationship.CHILD, childStatuses(birth));
                members.add(child);
                // three generations: the child married and has children of their own, all in one household
                if (shape >= 75 && shape < 90 && k == 0 && birth.isBefore(today.minusYears(24))) {
                    Gender inLaw = gender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
                    LocalDate inLawBirth = birth.plusDays(random.nextInt(4 * 365) - 2 * 365L);
                    members.add(person(names.surname(), inLaw, inLawBirth, Relationship.CHILD_IN_LAW, List.of()));
                    String grandSurname = gender == Gender.MALE
                            ? childSurname
                            : ResidentDemoNames.surnameOf(members.get(members.size() - 1));
                    int grandchildren = 1 + random.nextInt(2);
                    for (int g = 0; g < grandchildren; g++) {
                        LocalDate gBirth =
                                birth.plusYears(23 + random.nextInt(12)).plusDays(random.nextInt(365));
                        if (!gBirth.isAfter(today.minusDays(30))) {
                            Gender gGender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                            members.add(person(
                                    grandSurname, gGender, gBirth, Relationship.GRANDCHILD, childStatuses(gBirth)));
                        }
                    }
                }
            }
            if (shape >= 95) {
                // a widowed parent lives with the couple
                LocalDate parentBirth =
                        headBirth.minusYears(22 + random.nextInt(12)).minusDays(random.nextInt(365));
                if (parentBirth.isAfter(today.minusYears(100))) {
                    Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                    members.add(person(
                            gender == Gender.MALE ? familyName : names.surname(),
                            gender,
                            parentBirth,
                            Relationship.PARENT,
                            elderStatuses(parentBirth)));
                }
            }
        }
        LocalDate formed = members.get(0).birthDate().plusYears(20).isBefore(today.minusYears(1))
                ? members.get(0).birthDate().plusYears(20 + random.nextInt(5))
                : today.minusYears(1);
        return new BulkRegistration.Household(number, community, formed.isAfter(today) ? today : formed, members);
    }

    private BulkRegistration.Person person(
            String surname,
            Gender gender,
            LocalDate birth,
            Relationship relationship,
            List<BulkRegistration.Status> statuses) {
        String name = names.name(surname);
        List<BulkRegistration.Status> all = new ArrayList<>(statuses);
        if (random.nextInt(1000) < 45) {
            int grade = 1 + random.nextInt(4);
            all.add(new BulkRegistration.Status(
                    StatusKind.DISABILITY,
                    DISABILITY[random.nextInt(DISABILITY.length)],
                    grade,
                    null,
                    birth.plusYears(
                            Math.min(5, java.time.Period.between(birth, today).getYears()))));
        }
        if (random.nextInt(1000) < 8 && birth.isBefore(today.minusYears(20))) {
            all.add(new BulkRegistration.Status(
                    StatusKind.SERIOUS_ILLNESS, null, null, null, today.minusMonths(1 + random.nextInt(36))));
        }
        int age = java.time.Period.between(birth, today).getYears();
        String phone = age >= 14 && random.nextInt(100) < 75 ? numbers.mobile() : null;
        return new BulkRegistration.Person(
                name,
                gender,
                birth,
                IdDocumentType.RESIDENT_ID_CARD,
                numbers.idNumber(birth, gender),
                random.nextInt(100) < 80 ? "610113" : numbers.addressCode(),
                phone,
                relationship,
                all);
    }

    private List<BulkRegistration.Status> elderStatuses(LocalDate birth) {
        int age = java.time.Period.between(birth, today).getYears();
        if (age >= 75 && random.nextInt(100) < 15) {
            return List.of(new BulkRegistration.Status(
                    StatusKind.SELF_CARE,
                    null,
                    null,
                    random.nextInt(3) == 0 ? "完全失能" : "部分失能",
                    today.minusMonths(1 + random.nextInt(48))));
        }
        return List.of();
    }

    private List<BulkRegistration.Status> childStatuses(LocalDate birth) {
        int age = java.time.Period.between(birth, today).getYears();
        if (age >= 18 && age <= 22 && random.nextInt(100) < 60) {
            LocalDate from = LocalDate.of(birth.getYear() + 18, 9, 1);
            return List.of(new BulkRegistration.Status(
                    StatusKind.FULL_TIME_STUDENT, null, null, "本科", from.isAfter(today) ? today : from));
        }
        return List.of();
    }

    private LocalDate birthBetween(int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        long days = LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay();
        LocalDate date = from.plusDays((long) (random.nextDouble() * days));
        return date.isAfter(today) ? today.minusYears(1) : date;
    }
}
