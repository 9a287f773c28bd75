package cn.minzheng.region;

import cn.minzheng.platform.ScopeNames;
import org.springframework.stereotype.Component;

@Component
class RegionScopeNames implements ScopeNames {

    private final Regions regions;

    RegionScopeNames(Regions regions) {
        this.regions = regions;
    }

    @Override
    public String nameOf(String regionCode) {
        // a unit abolished or renamed since is shown by the last name it had (names of the past stay readable)
        return regions.current(regionCode)
                .or(() -> regions.history(regionCode).stream().reduce((first, last) -> last))
                .map(RegionUnit::name)
                .orElse(regionCode);
    }
}
