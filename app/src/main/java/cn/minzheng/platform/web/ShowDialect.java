package cn.minzheng.platform.web;

import cn.minzheng.platform.Labels;
import cn.minzheng.platform.RegionChoices;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.platform.StaffNames;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Registers {@link Show} as {@code #show} in every template. */
@Component
class ShowDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final ObjectProvider<Labels> labels;
    private final ObjectProvider<StaffNames> staff;
    private final ObjectProvider<ScopeNames> regions;
    private final ObjectProvider<RegionChoices> tree;
    private final Clock clock;
    private volatile Show show;

    ShowDialect(
            ObjectProvider<Labels> labels,
            ObjectProvider<StaffNames> staff,
            ObjectProvider<ScopeNames> regions,
            ObjectProvider<RegionChoices> tree,
            Clock clock) {
        super("minzheng-show");
        this.labels = labels;
        this.staff = staff;
        this.regions = regions;
        this.tree = tree;
        this.clock = clock;
    }

    private Show show() {
        if (show == null) {
            show = new Show(
                    labels.getObject(),
                    staff.getIfAvailable(() -> username -> username),
                    regions.getIfAvailable(() -> code -> code),
                    tree.getIfAvailable(() -> scope -> List.of()),
                    clock);
        }
        return show;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("show");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return "show".equals(expressionObjectName) ? show() : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
