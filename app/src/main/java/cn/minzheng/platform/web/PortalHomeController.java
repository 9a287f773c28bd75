package cn.minzheng.platform.web;

import cn.minzheng.platform.PortalEntry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 门户首页: what residents can do here without an account — the services the modules offer, by section. */
@Controller
class PortalHomeController {

    private final List<PortalEntry> entries;

    PortalHomeController(List<PortalEntry> entries) {
        this.entries = entries;
    }

    @GetMapping("/portal")
    String home(Model model) {
        Map<String, List<PortalEntry>> sections = entries.stream()
                .sorted(Comparator.comparingInt(PortalEntry::order))
                .collect(Collectors.groupingBy(PortalEntry::section, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("sections", sections);
        return "platform/portal";
    }
}
