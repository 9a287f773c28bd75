package cn.minzheng.assistance;

/** What one run of the generator did; {@code -1} when another instance held the lock. */
public record GeneratedTasks(int periodic, int deaths) {}
