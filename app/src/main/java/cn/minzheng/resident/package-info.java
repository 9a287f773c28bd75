/**
 * 居民与家庭: one record per person (master person index with duplicate detection and merging), households with their
 * members and the history of changes, effective-dated statuses, search by name, pinyin and ID number within the
 * viewer's scope, import from spreadsheets with a report of every rejected row, and privacy by design (masked
 * numbers, encryption at rest, blind indexes, a log of every opening of a record).
 *
 * <p>Other modules use {@link cn.minzheng.resident.Residents} and listen to
 * {@link cn.minzheng.resident.ResidentsMerged}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "居民与家庭",
        allowedDependencies = {"shared", "platform", "audit", "region"})
package cn.minzheng.resident;
