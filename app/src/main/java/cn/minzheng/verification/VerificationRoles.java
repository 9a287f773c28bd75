package cn.minzheng.verification;

/**
 * Who does what in 家庭经济状况核对. The district's 核对中心 (业务科室经办) runs the sources, deliveries and batches and
 * sees every household; streets request verifications for their cases and review their households' findings. Reports
 * and findings are confidential (《社会救助暂行办法》第六十一条): community workers, administrators and auditors do not
 * read them.
 */
public final class VerificationRoles {

    /** The registry of sources and the deliveries: the 核对中心, read by the leadership. */
    public static final String SOURCES_READ = "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER')";

    public static final String SOURCES_WRITE = "hasRole('DEPARTMENT_OFFICER')";

    /** Requests, findings, reports: those who decide cases and those who check them. */
    public static final String READ =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'LEGAL_REVIEWER')";

    /** Request a verification, classify findings, record objections, re-review, issue reports. */
    public static final String HANDLE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')";

    /** Start a batch re-verification of all current beneficiaries: the district's 核对中心. */
    public static final String BATCH = "hasRole('DEPARTMENT_OFFICER')";

    public static final String BATCH_READ = "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER')";

    /** Statistics in the seed's units: counts only, in the viewer's scope. */
    public static final String STATISTICS = "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')";

    private VerificationRoles() {}
}
