package cn.minzheng.verification.web;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.Deliveries;
import cn.minzheng.verification.DeliverySchedule;
import cn.minzheng.verification.Sources;
import cn.minzheng.verification.StoreGenerations;
import cn.minzheng.verification.VerificationRoles;
import cn.minzheng.verification.VerificationWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据来源 and 部门数据交付 screens: the registry of the 26 sources, uploading a delivery, its reject report. */
@Controller
class SourceController {

    private final Sources sources;
    private final Deliveries deliveries;
    private final StoreGenerations generations;
    private final VerificationWorker worker;

    SourceController(Sources sources, Deliveries deliveries, StoreGenerations generations, VerificationWorker worker) {
        this.sources = sources;
        this.deliveries = deliveries;
        this.generations = generations;
        this.worker = worker;
    }

    @GetMapping("/verification/sources")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    String sources(Model model) {
        model.addAttribute("sources", sources.all());
        model.addAttribute("schedules", DeliverySchedule.values());
        model.addAttribute(
                "generation",
                generations.current().map(StoreGenerations.Generation::number).orElse(null));
        return "verification/sources";
    }

    @PostMapping("/verification/sources/{code}/schedule")
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    String schedule(
            @PathVariable String code,
            @RequestParam(required = false) DeliverySchedule schedule,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            sources.changeSchedule(code, schedule, note);
            redirect.addFlashAttribute("notice", "已修改交付周期");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/sources";
    }

    @GetMapping("/verification/deliveries")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    String deliveries(@RequestParam(required = false) String source, Model model) {
        model.addAttribute("deliveries", deliveries.list(source, 200));
        model.addAttribute("sources", sources.all());
        model.addAttribute("selected", source);
        return "verification/deliveries";
    }

    @PostMapping("/verification/deliveries")
    @PreAuthorize(VerificationRoles.SOURCES_WRITE)
    String deliver(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String encoding,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new BusinessRuleViolation("请选择要上传的交付文件");
            }
            long id = deliveries.receive(source, file.getOriginalFilename(), file.getInputStream(), encoding);
            worker.load(id);
            redirect.addFlashAttribute("notice", "文件已通过检查，正在导入核对数据库");
            return "redirect:/verification/deliveries/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/verification/deliveries";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/verification/deliveries/{id}")
    @PreAuthorize(VerificationRoles.SOURCES_READ)
    String delivery(@PathVariable long id, Model model) {
        model.addAttribute("delivery", deliveries.find(id));
        model.addAttribute("rejects", deliveries.rejects(id, 200));
        return "verification/delivery";
    }
}
