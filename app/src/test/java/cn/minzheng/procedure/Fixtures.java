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

    /**
     * A penalty draft under 《彩票管理条例》: the provision violated (第十八条) and the 罚则 (第四十一条), a fine of the given
     * amount, with the party's address, the facts and the evidence the decision must state (行政处罚法第五十九条).
     */
    static Decisions.Draft penaltyDraft(LocalDate on, String fineFen) {
        return new Decisions.Draft(
                null,
                Map.ofEntries(
                        Map.entry("partyAddress", "西安市雁塔区小寨路1号（测试）"),
                        Map.entry("violationFacts", "当事人于2026年3月在其彩票代销点向未成年人销售彩票"),
                        Map.entry("evidence", "现场检查笔录、视听资料、证人证言"),
                        Map.entry("violationEstablished", "true"),
                        Map.entry("noFault", "false"),
                        Map.entry("minorCorrected", "false"),
                        Map.entry("firstMinorCorrected", "false"),
                        Map.entry("spareFirstOffence", "false"),
                        Map.entry("penaltyType", "FINE"),
                        Map.entry("fineFen", fineFen)),
                "经调查，当事人违法事实清楚，证据确凿。",
                List.of(),
                false,
                null,
                on,
                "补录",
                List.of(Basis.of("CAIPIAO_TL", "18")),
                List.of(Basis.of("CAIPIAO_TL", "41")));
    }

    /** A penalty case investigated and informed on the given days, the party's statement recorded and the hearing waived. */
    static long informedPenalty(Cases cases, As officer, String party, String kind, LocalDate opened) {
        long id = officer.call(() -> cases.open(
                        new Cases.NewCase("ADMIN_PENALTY", COMMUNITY, party, kind, null, opened, "补录", null)))
                .id();
        attach(cases, officer, id, "FILING_FORM");
        officer.run(() -> cases.perform(id, "INVESTIGATE", act(opened.plusDays(1), "执法人员乙")));
        attach(cases, officer, id, "EVIDENCE", "INFORM_NOTICE");
        officer.run(() -> cases.perform(id, "INFORM", act(opened.plusDays(2))));
        attach(cases, officer, id, "STATEMENT_RECORD", "HEARING_WAIVER");
        officer.run(() -> cases.perform(id, "RECORD_STATEMENT", act(opened.plusDays(2))));
        officer.run(() -> cases.perform(id, "WAIVE_HEARING", act(opened.plusDays(2))));
        return id;
    }

    /** The reviewer's 法律职业资格, recorded once per test database (行政处罚法第五十八条第二款). */
    static void qualify(LegalReviews reviews, As reviewer) {
        reviewer.call(() -> reviews.recordQualification(
                new LegalReviews.Qualification("A20183101040123", LocalDate.of(2018, 9, 1), false)));
    }
}
