package cn.minzheng.platform.web;

import cn.minzheng.platform.HomeFigure;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 首页 (工作台): the person's worklist itself, then the figures of their scope, each leading to its list. */
@Controller
class HomeController {

    private final List<HomeFigure> figures;
    private final Worklist worklist;

    HomeController(List<HomeFigure> figures, Worklist worklist) {
        this.figures = figures;
        this.worklist = worklist;
    }

    record Figure(String label, String unit, long value, String link) {}

    @GetMapping("/")
    String home(Model model, Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toSet());
        List<Figure> visible = figures.stream()
                .filter(f -> f.roles().isEmpty() || f.roles().stream().anyMatch(roles::contains))
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .map(f -> new Figure(f.label(), f.unit(), f.value(), f.link()))
                .toList();
        model.addAttribute("figures", visible);
        model.addAttribute("work", worklist.items());
        return "platform/home";
    }
}
