package cn.minzheng.verification;

import cn.minzheng.platform.LabelCatalogue;
import cn.minzheng.verification.core.store.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Chinese names of the 26 data sources (户籍人口, 车辆登记 …) for screens and exports. */
@Configuration(proxyBeanMethods = false)
class VerificationLabels {

    @Bean
    LabelCatalogue sourceLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            labels.put(source.code(), source.title());
        }
        return LabelCatalogue.of("verification-source", labels);
    }
}
