package cn.minzheng.test;

import cn.minzheng.procedure.MatterTypeSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Two generic example matter types for the kernel's own tests (a 低保-shaped application and a 特困-shaped
 * recognition), loaded only in tests: no clerk can pick them in production, where 低保 and 特困 are social
 * assistance's matter types.
 */
@Component
class ExampleMatterTypes implements MatterTypeSource {

    @Override
    public List<String> resources() {
        return List.of(
                "procedure/matter-types/example-application.yaml", "procedure/matter-types/example-recognition.yaml");
    }
}
