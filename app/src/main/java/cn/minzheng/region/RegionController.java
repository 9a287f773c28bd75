package cn.minzheng.region;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 区划 screens: the tree as of a date, a unit's history, recording changes, mapping references after a split. */
@Controller
@RequestMapping("/regions")
class RegionController {

    private final Regions regions;
    private final RegionChanges changes;
    private final RegionRemapping remapping;

    RegionController(Regions regions, RegionChanges changes, RegionRemapping remapping) {
        this.regions = regions;
        this.changes = changes;
        this.remapping = remapping;
    }

    @GetMapping
    String tree(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOf == null ? regions.today() : asOf;
        model.addAttribute("tree", regions.tree(date));
        model.addAttribute("asOf", date);
        return "region/tree";
    }

    @GetMapping("/unit/{code}")
    String unit(@PathVariable String code, Model model) {
        List<RegionUnit> history = regions.history(code);
        if (history.isEmpty()) {
            throw new NotFound("区划代码 " + code + " 不存在");
        }
        RegionUnit latest = history.get(history.size() - 1);
        model.addAttribute("unit", latest);
        model.addAttribute("history", history);
        model.addAttribute("changes", regions.changesOf(code));
        model.addAttribute("children", latest.validTo() == null ? regions.children(code, regions.today()) : List.of());
        return "region/unit";
    }

    @GetMapping("/changes")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String changes(Model model) {
        model.addAttribute("recent", regions.recentChanges(100));
        model.addAttribute("today", regions.today());
        return "region/changes";
    }

    @GetMapping("/changes/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String change(@PathVariable long id, Model model) {
        model.addAttribute("reconciliation", remapping.reconcile(id));
        model.addAttribute("pending", remapping.pending(id, 200));
        return "region/change";
    }

    @PostMapping("/changes/establish")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String establish(
            @RequestParam String code,
            @RequestParam String name,
            @RequestParam String parentCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String managingBody,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return done(
                redirect,
                () -> changes.establish(
                        code.trim(),
                        name,
                        parentCode.trim(),
                        effectiveOn,
                        true,
                        blankToNull(managingBody),
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    @PostMapping("/changes/rename")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String rename(
            @RequestParam String code,
            @RequestParam String name,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return done(
                redirect,
                () -> changes.rename(
                        code.trim(),
                        name,
                        effectiveOn,
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    /** Successors as lines "code name", one per line. */
    @PostMapping("/changes/split")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String split(
            @RequestParam String code,
            @RequestParam String successors,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return done(
                redirect,
                () -> changes.split(
                        code.trim(),
                        parseUnits(successors),
                        effectiveOn,
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    @PostMapping("/changes/merge")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String merge(
            @RequestParam String codes,
            @RequestParam String successorCode,
            @RequestParam(required = false) String successorName,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        List<String> merged = Arrays.stream(codes.split("[\\s,，、]+"))
                .filter(s -> !s.isBlank())
                .toList();
        return done(
                redirect,
                () -> changes.merge(
                        merged,
                        new RegionChanges.NewUnit(successorCode.trim(), successorName),
                        effectiveOn,
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    @PostMapping("/changes/transfer")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String transfer(
            @RequestParam String code,
            @RequestParam String streetCode,
            @RequestParam String newCode,
            @RequestParam(required = false) String newName,
            @RequestParam(required = false) String managingBody,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return done(
                redirect,
                () -> changes.transfer(
                        code.trim(),
                        streetCode.trim(),
                        newCode.trim(),
                        blankToNull(newName),
                        blankToNull(managingBody),
                        true,
                        effectiveOn,
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    @PostMapping("/changes/abolish")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String abolish(
            @RequestParam String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) String documentRef,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return done(
                redirect,
                () -> changes.abolish(
                        code.trim(),
                        effectiveOn,
                        new RegionChanges.Basis(blankToNull(documentRef), blankToNull(note))));
    }

    @PostMapping("/changes/{id}/remap")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    String remap(
            @PathVariable long id,
            @RequestParam String holder,
            @RequestParam(name = "ref", required = false) List<String> references,
            @RequestParam String toCode,
            RedirectAttributes redirect) {
        try {
            int moved = remapping.map(id, holder, references == null ? List.of() : references, toCode);
            redirect.addFlashAttribute("notice", "已迁移 " + moved + " 条记录到 " + toCode);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/regions/changes/" + id;
    }

    private String done(RedirectAttributes redirect, java.util.function.LongSupplier change) {
        try {
            long id = change.getAsLong();
            redirect.addFlashAttribute("notice", "已登记区划变更（编号 " + id + "）");
            return "redirect:/regions/changes/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/regions/changes";
        }
    }

    static List<RegionChanges.NewUnit> parseUnits(String lines) {
        List<RegionChanges.NewUnit> units = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("[\\s,，]+", 2);
            if (parts.length < 2) {
                throw new BusinessRuleViolation("每行须写“代码 名称”：" + trimmed);
            }
            units.add(new RegionChanges.NewUnit(parts[0], parts[1].strip()));
        }
        return units;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
