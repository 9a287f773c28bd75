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
        return regions.current(regionCode).map(RegionUnit::name).orElse(regionCode);
    }
}
