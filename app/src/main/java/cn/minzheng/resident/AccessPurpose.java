package cn.minzheng.resident;

import java.util.Optional;

/** 查阅事由: why a member of staff opens a resident's record. Recorded with every opening. */
public enum AccessPurpose {
    CASE_HANDLING("业务办理"),
    ELIGIBILITY_REVIEW("审核审批"),
    VERIFICATION("家庭经济状况核对"),
    HOME_VISIT("走访核查"),
    RECORD_MAINTENANCE("档案维护"),
    ENQUIRY("答复群众咨询"),
    SUPERVISION("监督检查"),
    OTHER("其他");

    private final String label;

    AccessPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AccessPurpose> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (AccessPurpose purpose : values()) {
            if (purpose.name().equalsIgnoreCase(value.strip()) || purpose.label.equals(value.strip())) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
