package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 居民 screens: list and search, registering, a resident's page (opened with a purpose), revealing, changes. */
@Controller
class ResidentController {

    static final String PURPOSE = "residentPurpose";

    private final ResidentSearch search;
    private final ResidentFiles files;
    private final ResidentManagement management;
    private final ResidentExport export;
    private final AccessLog accessLog;
    private final Communities communities;
    private final java.util.List<ResidentPageSections> sections;

    ResidentController(
            ResidentSearch search,
            ResidentFiles files,
            ResidentManagement management,
            ResidentExport export,
            AccessLog accessLog,
            Communities communities,
            java.util.List<ResidentPageSections> sections) {
        this.search = search;
        this.files = files;
        this.management = management;
        this.export = export;
        this.accessLog = accessLog;
        this.communities = communities;
        this.sections = sections;
    }

    @GetMapping("/residents")
    @PreAuthorize(ResidentRoles.READ)
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String community,
            @RequestParam(required = false) String purpose,
            @RequestParam(defaultValue = "0") int page,
            HttpSession session,
            Model model) {
        AccessPurpose.parse(purpose).ifPresent(p -> session.setAttribute(PURPOSE, p.name()));
        model.addAttribute("q", q);
        model.addAttribute("community", community);
        try {
            model.addAttribute("results", search.search(new ResidentSearch.Query(q, community, page, 50)));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        commonChoices(model, session);
        return "resident/list";
    }

    @PostMapping("/residents")
    @PreAuthorize(ResidentRoles.WRITE)
    String register(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String documentType,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String gender,
            @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String communityCode,
            @RequestParam(required = false) String hukouAddressCode,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String householdNo,
            RedirectAttributes redirect) {
        try {
            ResidentManagement.Placement placement = householdNo == null || householdNo.isBlank()
                    ? null
                    : new ResidentManagement.Placement(
                            null, householdNo, Relationship.HEAD, JoinReason.REGISTERED, null);
            long id = management.register(new ResidentManagement.Registration(
                    name,
                    documentType,
                    idNumber,
                    gender,
                    birthDate,
                    communityCode,
                    hukouAddressCode,
                    phone,
                    placement));
            redirect.addFlashAttribute("notice", "已建档（居民档案 " + id + "）");
            return "redirect:/residents/" + id + "?purpose=RECORD_MAINTENANCE";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/residents";
        }
    }

    @GetMapping("/residents/export.csv")
    @PreAuthorize(ResidentRoles.EXPORT)
    ResponseEntity<byte[]> exportCsv(
            @RequestParam(required = false) String q, @RequestParam(required = false) String community) {
        return ResidentExport.download(export.csv(q, community), "residents.csv");
    }

    @GetMapping("/residents/{id}")
    @PreAuthorize(ResidentRoles.READ)
    String open(
            @PathVariable long id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String note,
            HttpSession session,
            Model model) {
        AccessPurpose chosen = AccessPurpose.parse(purpose).orElse(null);
        if (chosen == null || (chosen == AccessPurpose.OTHER && (note == null || note.isBlank()))) {
            files.requireResident(id); // a record outside the scope is "not found", before any question is asked
            model.addAttribute("target", "/residents/" + id);
            model.addAttribute("purposes", AccessPurpose.values());
            model.addAttribute("current", session.getAttribute(PURPOSE));
            return "resident/purpose";
        }
        session.setAttribute(PURPOSE, chosen.name());
        return page(id, chosen, note, null, null, model, session);
    }

    @PostMapping("/residents/{id}/reveal")
    @PreAuthorize(ResidentRoles.WRITE)
    String reveal(
            @PathVariable long id,
            @RequestParam ResidentFiles.RevealedField field,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String note,
            HttpSession session,
            Model model) {
        AccessPurpose chosen = AccessPurpose.parse(purpose).orElse(AccessPurpose.CASE_HANDLING);
        // Shown once in this answer; never put into a redirect (the flash would keep it in the session store).
        String value;
        try {
            value = files.reveal(id, field, chosen, note);
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            return page(id, chosen, note, null, null, model, session);
        }
        return page(id, chosen, note, field, value, model, session);
    }

    private String page(
            long id,
            AccessPurpose purpose,
            String note,
            ResidentFiles.RevealedField revealedField,
            String revealed,
            Model model,
            HttpSession session) {
        model.addAttribute("file", files.open(id, purpose, note));
        model.addAttribute("purpose", purpose);
        model.addAttribute("revealedField", revealedField == null ? null : revealedField.name());
        model.addAttribute("revealed", revealed);
        if (Staff.roles().stream()
                .anyMatch(r ->
                        r.equals("DISTRICT_LEADER") || r.equals("DEPARTMENT_OFFICER") || r.equals("STREET_OFFICER"))) {
            model.addAttribute("accessLog", accessLog.ofResident(id));
        }
        model.addAttribute("statusKinds", StatusKind.values());
        model.addAttribute(
                "sections",
                sections.stream()
                        .flatMap(x -> x.forResident(id, communities.today()).stream())
                        .toList());
        commonChoices(model, session);
        return "resident/resident";
    }

    @PostMapping("/residents/{id}/contact")
    @PreAuthorize(ResidentRoles.WRITE)
    String contact(
            @PathVariable long id,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String bankName,
            @RequestParam(required = false) String bankAccount,
            RedirectAttributes redirect) {
        return done(id, redirect, "已更新联系方式", () -> {
            management.updateContact(id, phone, bankName, bankAccount);
            return null;
        });
    }

    @PostMapping("/residents/{id}/death")
    @PreAuthorize(ResidentRoles.WRITE)
    String death(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        return done(id, redirect, "已登记死亡", () -> {
            management.recordDeath(id, date);
            return null;
        });
    }

    @PostMapping("/residents/{id}/statuses")
    @PreAuthorize(ResidentRoles.WRITE)
    String status(
            @PathVariable long id,
            @RequestParam(required = false) StatusKind kind,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect) {
        return done(
                id,
                redirect,
                "已登记状态",
                () -> management.recordStatus(
                        id, new ResidentManagement.StatusChange(kind, category, grade, level, note, from, to)));
    }

    @PostMapping("/residents/{id}/statuses/{statusId}/end")
    @PreAuthorize(ResidentRoles.WRITE)
    String endStatus(
            @PathVariable long id,
            @PathVariable long statusId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        return done(id, redirect, "已结束该状态", () -> {
            management.endStatus(statusId, date);
            return null;
        });
    }

    private static String done(long id, RedirectAttributes redirect, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/residents/" + id + "?purpose=" + AccessPurpose.RECORD_MAINTENANCE.name();
    }

    private void commonChoices(Model model, HttpSession session) {
        model.addAttribute("purposes", AccessPurpose.values());
        model.addAttribute(
                "currentPurpose",
                session.getAttribute(PURPOSE) == null ? "CASE_HANDLING" : session.getAttribute(PURPOSE));
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("documentTypes", cn.minzheng.shared.IdDocumentType.values());
        model.addAttribute("today", communities.today());
    }
}
