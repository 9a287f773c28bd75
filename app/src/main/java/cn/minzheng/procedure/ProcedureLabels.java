package cn.minzheng.procedure;

import cn.minzheng.platform.LabelCatalogue;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Chinese names of the kernel's codes that reach screens: how well a text is verified, a value's approval. */
@Configuration(proxyBeanMethods = false)
class ProcedureLabels {

    @Bean
    LabelCatalogue confidenceLabels() {
        return LabelCatalogue.of("confidence", Map.of("V", "已核对全文", "S", "二手来源", "U", "未核实"));
    }

    @Bean
    LabelCatalogue parameterStatusLabels() {
        return LabelCatalogue.of(
                "parameter-status",
                Map.of(
                        "PROPOSED",
                        "待批准",
                        "APPROVED",
                        "已批准生效",
                        "REFUSED",
                        "未批准",
                        "REJECTED",
                        "未批准",
                        "SUPERSEDED",
                        "已被替代"));
    }
}
