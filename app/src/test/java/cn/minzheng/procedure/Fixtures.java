package cn.minzheng.procedure;

import cn.minzheng.test.As;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small builders for the tests' cases: explicit, local data (no shared mystery fixture). */
final class Fixtures {

    static final String COMMUNITY = "610113001001";
    static final String OTHER_STREET_COMMUNITY = "610113002001";

    private Fixtures() {}

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static void attach(Cases cases, As as, long caseId, String... kinds) {
        for (String kind : kinds) {
            as.run(() ->
                    cases.attach(caseId, kind, kind.toLowerCase() + ".pdf", new ByteArrayInputStream(pdf(kind)), null));
        }
    }

    static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, "补录：测试中按实际办理日期登记", List.of(participants));
    }

    /** A 低保 application received on the day, accepted the same day with its materials. */
    static long acceptedDibao(Cases cases, String party, LocalDate received) {
        long id = As.street()
                .call(() -> cases.open(new Cases.NewCase(
                        "EXAMPLE_APPLICATION", COMMUNITY, party, "PERSON", "household-1", received, "纸质申请补录", null)))
                .id();
        attach(cases, As.street(), id, "APPLICATION", "PROMISE", "AUTHORISATION");
        As.street().run(() -> cases.perform(id, "ACCEPT", act(received)));
        return id;
    }

    static Decisions.Draft dibaoDraft(LocalDate on, String size, String incomeFen, boolean assets) {
        return new Decisions.Draft(
                null,
                Map.of(
                        "householdSize",
                        size,
                        "perCapitaIncomeFen",
                        incomeFen,
                        "assetsWithinLimit",
                        Boolean.toString(assets)),
                "经入户调查和家庭经济状况核对，家庭人均收入低于当地低保标准，财产状况符合规定。",
                List.of(),
                false,
                null,
                on,
                "补录");
    }

    static Decisions.Draft penaltyDraft(LocalDate on, String fineFen, boolean hearing) {
        return new Decisions.Draft(
                null,
                Map.of(
                        "violationEstablished", "true",
                        "minorAndCorrected", "false",
                        "fineFen", fineFen,
                        "severeSanction", "false",
                        "hearingHeld", Boolean.toString(hearing)),
                "经调查，当事人违法事实清楚，证据确凿。",
                List.of(),
                false,
                null,
                on,
                "补录");
    }
}
