package cn.minzheng.procedure;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The matter types the kernel ships as reference declarations. The business modules take them over (or declare their
 * own) through their own {@link MatterTypeSource}; a declaration with the same code becomes a new version.
 */
@Component
class ProcedureMatterTypes implements MatterTypeSource {

    @Override
    public List<String> resources() {
        return List.of(
                "procedure/matter-types/dibao-application.yaml",
                "procedure/matter-types/tekun-recognition.yaml",
                "procedure/matter-types/unraised-child.yaml",
                "procedure/matter-types/administrative-penalty.yaml",
                "procedure/matter-types/information-disclosure.yaml");
    }
}
