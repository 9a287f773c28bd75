package cn.minzheng.resident;

import cn.minzheng.platform.LabelCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Chinese names of relationships to the household head, for other modules' screens. */
@Configuration(proxyBeanMethods = false)
class ResidentLabels {

    @Bean
    LabelCatalogue relationshipLabels() {
        return LabelCatalogue.ofEnum("relationship", Relationship.class, Relationship::label);
    }
}
