package cn.minzheng.resident;

import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.RegionLevel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where people may be registered: communities that exist today, inside the caller's scope. */
@Component
class Communities {

    private final Regions regions;

    Communities(Regions regions) {
        this.regions = regions;
    }

    /** Null when the code names an active community inside the scope; otherwise why not (Chinese). */
    String problem(String code, DataScope scope) {
        Optional<RegionUnit> unit = regions.current(code);
        if (unit.isEmpty() || unit.get().level() != RegionLevel.COMMUNITY) {
            return "居住社区代码 " + code + " 不是现有的社区（不存在或已撤销）";
        }
        if (!scope.covers(code)) {
            return "居住社区 " + unit.get().name() + "（" + code + "）不在您的数据范围内";
        }
        return null;
    }

    String nameOf(String code) {
        return regions.current(code)
                .map(RegionUnit::name)
                .or(() -> regions.history(code).stream().reduce((a, b) -> b).map(RegionUnit::name))
                .orElse(code);
    }

    java.time.LocalDate today() {
        return regions.today();
    }
}
