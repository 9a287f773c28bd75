package cn.minzheng.platform;

import java.util.List;

/**
 * A module's contribution to the signed-in person's worklist (待办): the work its data says is waiting for them, in
 * their scope and for their roles. Computed on every call; a role with no such work gets an empty list.
 */
public interface WorkSource {

    List<WorkItem> work();
}
