package cn.minzheng.procedure;

import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.shared.DemoFileNames;
import cn.minzheng.shared.DemoStaff;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * How the procedure demo files its cases: opened, with scans attached and acts dated back, by the demo staff member
 * whose role the procedure names, every act recorded as 补录 with its reason.
 */
@Component
class ProcedureDemoFiling {

    static final String LATE = "演示数据：历史案卷补录";

    private final Cases cases;
    private final DemoStaff staff;

    ProcedureDemoFiling(Cases cases, DemoStaff staff) {
        this.cases = cases;
        this.staff = staff;
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    long open(String user, String type, String community, String party, String kind, LocalDate received) {
        return as(user, () -> cases.open(new Cases.NewCase(type, community, party, kind, null, received, LATE, "演示案件")))
                .id();
    }

    void attach(String user, long caseId, String... kinds) {
        for (String kind : kinds) {
            byte[] pdf = PdfDocument.a4("演示材料")
                    .title("演示材料")
                    .paragraph("这是演示区自动生成的材料（" + kind + "），不含任何真实个人信息。")
                    .render();
            as(user, () -> cases.attach(caseId, kind, DemoFileNames.of(kind), new ByteArrayInputStream(pdf), "演示"));
        }
    }

    static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, LATE, List.of(participants));
    }

    /** The account of the community's street office. */
    static String street(String community) {
        return "jiedao_" + community.substring(0, 9);
    }

    /** Runs the act as the named demo staff member, with the roles and scope of their account. */
    <T> T as(String username, Supplier<T> work) {
        return staff.as(username, work);
    }
}
