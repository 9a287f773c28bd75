package cn.minzheng.resident;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules show on a resident's and a household's page, without the resident module knowing them: e.g. the
 * assistance statuses a person or a household holds now (低保 since when, how much), with a link to act on them. Called
 * in the viewer's request, so the implementation reads only what the viewer's scope allows.
 */
public interface ResidentPageSections {

    /** One line: what, its value in words, and optionally where to act on it. */
    record Row(String label, String value, String link, String linkLabel) {}

    /** A titled block of rows; {@code empty} is shown when there are none. */
    record Section(String title, List<Row> rows, String empty) {}

    default List<Section> forResident(long residentId, LocalDate on) {
        return List.of();
    }

    default List<Section> forHousehold(long householdId, LocalDate on) {
        return List.of();
    }
}
