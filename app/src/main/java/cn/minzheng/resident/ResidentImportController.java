package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 居民导入 screens: the upload form with the template, recent imports, an import's result and rejected rows. */
@Controller
class ResidentImportController {

    private final ResidentImports imports;

    ResidentImportController(ResidentImports imports) {
        this.imports = imports;
    }

    @GetMapping("/resident-imports")
    @PreAuthorize(ResidentRoles.WRITE)
    String page(Model model) {
        model.addAttribute("imports", imports.recent(30));
        return "resident/imports";
    }

    @PostMapping("/resident-imports")
    @PreAuthorize(ResidentRoles.WRITE)
    String start(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String mode,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new BusinessRuleViolation("请选择要导入的文件");
            }
            long id = imports.start(
                    file.getOriginalFilename(),
                    ResidentImportApiController.bytes(file),
                    ResidentImportApiController.mode(mode));
            return "redirect:/resident-imports/" + id;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/resident-imports";
        }
    }

    @GetMapping("/resident-imports/{id}")
    @PreAuthorize(ResidentRoles.WRITE)
    String result(@PathVariable long id, Model model) {
        ResidentImports.Import found = imports.find(id);
        model.addAttribute("imp", found);
        model.addAttribute("rejections", imports.rejections(id, 500));
        return "resident/import";
    }
}
