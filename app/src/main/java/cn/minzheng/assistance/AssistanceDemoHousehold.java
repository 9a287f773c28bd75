package cn.minzheng.assistance;

import cn.minzheng.resident.ResidentSummary;
import java.util.List;

/** A household of the assistance demo: its id, community and members (the head first). */
record AssistanceDemoHousehold(long id, String community, List<ResidentSummary> members) {

    ResidentSummary head() {
        return members.get(0);
    }

    long[] ids() {
        return members.stream().mapToLong(ResidentSummary::id).toArray();
    }
}
