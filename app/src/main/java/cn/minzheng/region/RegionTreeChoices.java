package cn.minzheng.region;

import cn.minzheng.platform.RegionChoices;
import java.util.List;
import org.springframework.stereotype.Component;

/** Today's tree, cut to the viewer's scope, for the region picker. */
@Component
class RegionTreeChoices implements RegionChoices {

    private final Regions regions;

    RegionTreeChoices(Regions regions) {
        this.regions = regions;
    }

    @Override
    public List<Choice> streets(String scope) {
        return regions.tree(regions.today()).streets().stream()
                .filter(s ->
                        scope.startsWith(s.unit().code()) || s.unit().code().startsWith(scope))
                .map(s -> new Choice(
                        s.unit().code(),
                        s.unit().name(),
                        s.communities().stream()
                                .filter(c -> c.code().startsWith(scope) || scope.startsWith(c.code()))
                                .map(c -> new Choice(c.code(), c.name(), List.of()))
                                .toList()))
                .toList();
    }
}
