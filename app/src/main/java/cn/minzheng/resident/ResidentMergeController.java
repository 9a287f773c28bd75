package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 重复档案合并 screens: candidate pairs, one pair side by side, merging or dismissing it. */
@Controller
class ResidentMergeController {

    private final MasterPersonIndex index;
    private final Communities communities;

    ResidentMergeController(MasterPersonIndex index, Communities communities) {
        this.index = index;
        this.communities = communities;
    }

    @GetMapping("/resident-duplicates")
    @PreAuthorize(ResidentRoles.MERGE)
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("candidates", index.open(100, Math.max(0, page) * 100));
        model.addAttribute("page", page);
        return "resident/duplicates";
    }

    @GetMapping("/resident-duplicates/{id}")
    @PreAuthorize(ResidentRoles.MERGE)
    String pair(@PathVariable long id, Model model) {
        MasterPersonIndex.Candidate candidate =
                index.candidate(id).orElseThrow(() -> new NotFound("疑似重复记录 " + id + " 不存在，或不在您的数据范围内"));
        model.addAttribute("candidate", candidate);
        model.addAttribute("communityA", communities.nameOf(candidate.a().communityCode()));
        model.addAttribute("communityB", communities.nameOf(candidate.b().communityCode()));
        return "resident/duplicate";
    }

    @PostMapping("/resident-duplicates/scan")
    @PreAuthorize(ResidentRoles.MERGE)
    String scan(RedirectAttributes redirect) {
        int found = index.scan();
        redirect.addFlashAttribute("notice", "查找完成：新发现 " + found + " 对疑似重复档案");
        return "redirect:/resident-duplicates";
    }

    @PostMapping("/resident-duplicates/{id}/merge")
    @PreAuthorize(ResidentRoles.MERGE)
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long survivorId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            MasterPersonIndex.Candidate candidate =
                    index.candidate(id).orElseThrow(() -> new NotFound("疑似重复记录 " + id + " 不存在，或不在您的数据范围内"));
            if (survivorId == null
                    || (survivorId != candidate.a().id()
                            && survivorId != candidate.b().id())) {
                throw new BusinessRuleViolation("请选择保留哪一份档案");
            }
            long merged = survivorId == candidate.a().id()
                    ? candidate.b().id()
                    : candidate.a().id();
            MasterPersonIndex.Merged result = index.merge(survivorId, merged, reason);
            redirect.addFlashAttribute(
                    "notice", "已将档案 " + merged + " 合并到档案 " + survivorId + "（" + result.summary() + "）");
            return "redirect:/resident-duplicates";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/resident-duplicates/" + id;
        }
    }

    @PostMapping("/resident-duplicates/{id}/dismiss")
    @PreAuthorize(ResidentRoles.MERGE)
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            index.dismiss(id, reason);
            redirect.addFlashAttribute("notice", "已确认不是同一人");
            return "redirect:/resident-duplicates";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/resident-duplicates/" + id;
        }
    }
}
