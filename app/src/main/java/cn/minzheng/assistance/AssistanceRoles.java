package cn.minzheng.assistance;

/** Who may do what with assistance cases (docs/assistance.md, "Roles"). Administrators never read cases. */
public final class AssistanceRoles {

    /** Read applications, investigations and results: the staff whose work is about cases, and legal review. */
    public static final String READ =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')";

    /** Take applications: the street's window (审核确认办法第四条: applications go to the street). */
    public static final String INTAKE = "hasRole('STREET_OFFICER')";

    /** Record what was found (investigations, assessments, verification results): street and community, the district. */
    public static final String INVESTIGATE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";

    /** Draft decisions (the kernel checks the matter type's drafter roles again). */
    public static final String DRAFT = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')";

    private AssistanceRoles() {}
}
