package cn.minzheng.identity;

import cn.minzheng.platform.LabelCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Chinese names of the roles, for every screen that says who takes a step. */
@Configuration(proxyBeanMethods = false)
class IdentityLabels {

    @Bean
    LabelCatalogue roleLabels() {
        return LabelCatalogue.ofEnum("role", Role.class, Role::label);
    }
}
