package cn.minzheng.resident;

/**
 * Who may do what with residents' data (docs/residents.md, "Privacy"). Administrators (system, security) never read
 * residents; auditors read only the access log, which holds ids, not personal values. Full ID and bank account numbers
 * are never in lists; the roles that handle cases may reveal one on a record page, with a reason, and it is logged.
 */
final class ResidentRoles {

    /** Read records (masked): everyone whose work is about residents, including legal review of case files. */
    static final String READ =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')";

    /** Register, correct, record changes, import; reveal a full number: the staff who handle cases. */
    static final String WRITE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";

    /** Export lists (masked). */
    static final String EXPORT =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";

    /** Decide that two records are one person: street and district officers, for people inside their scope. */
    static final String MERGE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')";

    /** Read the access log: auditors (ids only) and the supervising levels. */
    static final String ACCESS_LOG =
            "hasAnyRole('AUDIT_ADMIN', 'DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')";

    /** Roles that see a resident's phone number in full on the record page (the opening is logged). */
    static final java.util.Set<String> FULL_PHONE =
            java.util.Set.of("DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER");

    private ResidentRoles() {}
}
