package cn.minzheng.procedure;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The matter types the kernel ships as reference declarations (事实无人抚养儿童, 行政处罚, 政府信息公开; 低保 and 特困 are
 * social assistance's, which runs them with the household, its authorisations and 核对). The business modules take them over (or declare their
 * own) through their own {@link MatterTypeSource}; a declaration with the same code becomes a new version.
 */
@Component
class ProcedureMatterTypes implements MatterTypeSource {

    @Override
    public List<String> resources() {
        return List.of(
                "procedure/matter-types/unraised-child.yaml",
                "procedure/matter-types/administrative-penalty.yaml",
                "procedure/matter-types/information-disclosure.yaml");
    }
}
