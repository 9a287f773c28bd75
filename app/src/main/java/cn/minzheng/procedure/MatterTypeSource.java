package cn.minzheng.procedure;

import java.util.List;

/**
 * A module's matter type declarations shipped with the release: classpath resources (YAML) loaded at start-up. A new
 * version is stored when a resource's content changes; cases keep the version they were opened under. A module
 * declares its matter types by contributing a bean:
 *
 * <pre>{@code
 * @Bean
 * MatterTypeSource assistanceMatterTypes() {
 *     return () -> List.of("assistance/matter-types/dibao.yaml");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MatterTypeSource {

    List<String> resources();
}
