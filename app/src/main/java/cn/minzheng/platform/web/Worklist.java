package cn.minzheng.platform.web;

import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.WorkSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's worklist, from every module: overdue first, then by deadline, work without a deadline last.
 * A module whose work the person's role cannot see contributes nothing.
 */
@Component
public class Worklist {

    private static final Logger log = LoggerFactory.getLogger(Worklist.class);

    private final List<WorkSource> sources;

    Worklist(List<WorkSource> sources) {
        this.sources = sources;
    }

    public List<WorkItem> items() {
        List<WorkItem> items = new ArrayList<>();
        for (WorkSource source : sources) {
            try {
                items.addAll(source.work());
            } catch (AccessDeniedException e) {
                // not this person's kind of work
            } catch (RuntimeException e) {
                log.warn("待办来源 {} 出错，本次不显示其待办", source.getClass().getSimpleName(), e);
            }
        }
        items.sort(Comparator.comparing((WorkItem i) -> !i.overdue())
                .thenComparing(WorkItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::kind));
        return items;
    }
}
