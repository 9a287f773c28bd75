package cn.minzheng.assistance;

import cn.minzheng.procedure.MatterTypeSource;
import cn.minzheng.procedure.ReferenceDataSource;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module declares to the procedure kernel: its matter types (低保 twice — confirmed by the district, or by a
 * street holding delegated authority — 特困, 低保边缘, 刚性支出困难, 临时救助 of both kinds and the changes of dynamic
 * management) and the parameters its rules read. Loaded at start-up; a changed file becomes a new version.
 */
@Configuration(proxyBeanMethods = false)
class AssistanceReferenceData {

    @Bean
    MatterTypeSource assistanceMatterTypes() {
        return () -> List.of(
                "assistance/matter-types/dibao.yaml",
                "assistance/matter-types/dibao-street.yaml",
                "assistance/matter-types/tekun.yaml",
                "assistance/matter-types/dibao-edge.yaml",
                "assistance/matter-types/rigid-expense.yaml",
                "assistance/matter-types/temporary.yaml",
                "assistance/matter-types/temporary-urgent.yaml",
                "assistance/matter-types/change.yaml",
                "assistance/matter-types/tekun-end.yaml");
    }

    @Bean
    ReferenceDataSource assistanceParameters() {
        return new ReferenceDataSource() {
            @Override
            public List<String> parameters() {
                return List.of("assistance/parameters.yaml");
            }
        };
    }
}
