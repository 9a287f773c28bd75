package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.CaseKind;
import cn.minzheng.assistance.SinglePersonGround;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 受理登记 at the window, bound by Spring: when the registration is refused the form comes back with everything typed
 * and the applicant chosen (the scans have to be chosen again — a browser never sends a file twice).
 */
public class IntakeForm implements Serializable {

    private String kind = CaseKind.DIBAO.name();
    private Long portalId;
    private Long householdId;
    private Long personId;
    private String applicantLabel;
    private boolean singlePerson;
    private boolean childWelfare;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;

    private String lateReason;
    private boolean relativesRegister;
    private String relativesNote;
    private String severity;
    private Integer members = 1;
    private String situation;

    static IntakeForm fresh(CaseKind kind, Long portalId, LocalDate today) {
        IntakeForm form = new IntakeForm();
        form.kind = kind.name();
        form.portalId = portalId;
        form.receivedOn = today;
        return form;
    }

    /** Where the form is, for the way back after a refusal. */
    String page() {
        return "/assistance/applications/new?kind=" + (kind == null ? CaseKind.DIBAO.name() : kind)
                + (portalId == null ? "" : "&portal=" + portalId);
    }

    Applications.Intake toIntake(List<Applications.Material> materials) {
        CaseKind selected = CaseKind.parse(kind);
        Applications.TemporaryRequest temporary =
                selected == CaseKind.TEMPORARY || selected == CaseKind.TEMPORARY_URGENT
                        ? new Applications.TemporaryRequest(severity, members == null ? 1 : members, blank(situation))
                        : null;
        return new Applications.Intake(
                selected,
                householdId,
                personId,
                singlePerson,
                receivedOn,
                blank(lateReason),
                relativesRegister,
                blank(relativesNote),
                childWelfare,
                materials,
                portalId,
                temporary,
                SinglePersonGround.parse(singleGround),
                blank(singleGroundNote));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getPortalId() {
        return portalId;
    }

    public void setPortalId(Long portalId) {
        this.portalId = portalId;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public String getApplicantLabel() {
        return applicantLabel;
    }

    public void setApplicantLabel(String applicantLabel) {
        this.applicantLabel = applicantLabel;
    }

    public boolean isSinglePerson() {
        return singlePerson;
    }

    public void setSinglePerson(boolean singlePerson) {
        this.singlePerson = singlePerson;
    }

    public boolean isChildWelfare() {
        return childWelfare;
    }

    public void setChildWelfare(boolean childWelfare) {
        this.childWelfare = childWelfare;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getLateReason() {
        return lateReason;
    }

    public void setLateReason(String lateReason) {
        this.lateReason = lateReason;
    }

    public boolean isRelativesRegister() {
        return relativesRegister;
    }

    public void setRelativesRegister(boolean relativesRegister) {
        this.relativesRegister = relativesRegister;
    }

    public String getRelativesNote() {
        return relativesNote;
    }

    public void setRelativesNote(String relativesNote) {
        this.relativesNote = relativesNote;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public Integer getMembers() {
        return members;
    }

    public void setMembers(Integer members) {
        this.members = members;
    }

    public String getSituation() {
        return situation;
    }

    public void setSituation(String situation) {
        this.situation = situation;
    }

    /** 单人户: the ground (审核确认办法第八条) and, where it asks for it, a note. */
    private String singleGround;

    private String singleGroundNote;

    public String getSingleGround() {
        return singleGround;
    }

    public void setSingleGround(String singleGround) {
        this.singleGround = singleGround;
    }

    public String getSingleGroundNote() {
        return singleGroundNote;
    }

    public void setSingleGroundNote(String singleGroundNote) {
        this.singleGroundNote = singleGroundNote;
    }
}
