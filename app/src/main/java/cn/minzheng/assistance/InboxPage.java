package cn.minzheng.assistance;

import java.util.List;

/** One page of the inbox, and how many there are in all. */
public record InboxPage(List<WaitingApplication> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
