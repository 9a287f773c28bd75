package cn.minzheng.procedure;

import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.WorkSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** The kernel's part of the worklist: steps to take, drafts to submit or redo, reviews, extensions, objections. */
@Component
class ProcedureWork implements WorkSource {

    private final Supervision supervision;

    ProcedureWork(Supervision supervision) {
        this.supervision = supervision;
    }

    @Override
    public List<WorkItem> work() {
        return supervision.todo().stream()
                .map(i ->
                        new WorkItem(i.kindLabel(), i.title(), i.note(), i.dueOn(), i.link(), i.overdue(), i.dueSoon()))
                .toList();
    }
}
