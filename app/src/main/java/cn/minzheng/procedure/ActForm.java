package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a person types into one of the kernel's forms on a case page (a step, a suspension, an extension, an objection,
 * a draft). Bound by Spring; when an act is refused the form comes back with this input (see FormFailure). Each form
 * uses the fields it needs.
 */
public class ActForm implements java.io.Serializable {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate on;

    private String note;

    /** 中止: which kind of suspension the matter type declares (补正材料, 鉴定, …) and until when it is expected. */
    private String kind;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate until;

    private String lateReason;
    private List<String> participants = new ArrayList<>();
    private String reason;
    private List<String> missing = new ArrayList<>();
    private Integer newLimit;
    private String channel;
    private String summary;
    private String outcome;
    private Map<String, String> facts = new LinkedHashMap<>();
    private boolean markMajor;
    private String majorReason;

    public static ActForm today(LocalDate today) {
        ActForm form = new ActForm();
        form.on = today;
        return form;
    }

    /** Named people, blanks left out. */
    public List<String> people() {
        return participants.stream()
                .map(String::strip)
                .flatMap(p -> List.of(p.split("[,，、\\s]+")).stream())
                .filter(p -> !p.isBlank())
                .toList();
    }

    public LocalDate getOn() {
        return on;
    }

    public void setOn(LocalDate on) {
        this.on = on;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getLateReason() {
        return lateReason;
    }

    public void setLateReason(String lateReason) {
        this.lateReason = lateReason;
    }

    public List<String> getParticipants() {
        return participants;
    }

    public void setParticipants(List<String> participants) {
        this.participants = participants == null ? new ArrayList<>() : participants;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getMissing() {
        return missing;
    }

    public void setMissing(List<String> missing) {
        this.missing = missing == null ? new ArrayList<>() : missing;
    }

    public Integer getNewLimit() {
        return newLimit;
    }

    public void setNewLimit(Integer newLimit) {
        this.newLimit = newLimit;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public Map<String, String> getFacts() {
        return facts;
    }

    public void setFacts(Map<String, String> facts) {
        this.facts = facts == null ? new LinkedHashMap<>() : facts;
    }

    public boolean isMarkMajor() {
        return markMajor;
    }

    public void setMarkMajor(boolean markMajor) {
        this.markMajor = markMajor;
    }

    public String getMajorReason() {
        return majorReason;
    }

    public void setMajorReason(String majorReason) {
        this.majorReason = majorReason;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }
}
