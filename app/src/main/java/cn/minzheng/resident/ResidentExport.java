package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.Csv;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports of resident lists: what a search finds in the viewer's scope, with ID numbers and phones masked, every cell
 * neutralised against formula injection. Exports are logged in the audit trail with their size and filter.
 */
@Service
@PreAuthorize(ResidentRoles.EXPORT)
public class ResidentExport {

    static final int MAX_ROWS = 100_000;

    private final ResidentSearch search;
    private final Communities communities;
    private final AuditTrail audit;

    ResidentExport(ResidentSearch search, Communities communities, AuditTrail audit) {
        this.search = search;
        this.communities = communities;
        this.audit = audit;
    }

    /** Read-write: the export's audit entry is written in the same transaction. */
    @Transactional
    public byte[] csv(String q, String community) {
        StringBuilder out = new StringBuilder(Csv.BOM);
        out.append(Csv.spreadsheetLine(
                "档案编号", "姓名", "性别", "出生日期", "证件类型", "证件号码（脱敏）", "居住社区代码", "居住社区", "户编号", "与户主关系", "联系电话（脱敏）", "状态"));
        int rows = 0;
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int page = 0; rows < MAX_ROWS; page++) {
            ResidentSearch.Page found = search.search(new ResidentSearch.Query(q, community, page, 200));
            for (ResidentSummary r : found.items()) {
                out.append(Csv.spreadsheetLine(
                        Long.toString(r.id()),
                        r.name(),
                        r.gender().label(),
                        r.birthDate().toString(),
                        r.documentType().label(),
                        r.maskedIdNumber(),
                        r.communityCode(),
                        names.computeIfAbsent(r.communityCode(), communities::nameOf),
                        r.householdNo(),
                        r.relationship() == null ? "" : r.relationship().label(),
                        r.maskedPhone(),
                        r.deceased() ? "已故（" + cn.minzheng.platform.Display.date(r.diedOn()) + "）" : "在册"));
                rows++;
            }
            if (found.items().size() < 200) {
                break;
            }
        }
        audit.record(AuditEvent.success("EXPORT", "resident", null)
                .because("residents.csv rows=" + rows + (community == null ? "" : " community=" + community)));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ResponseEntity<byte[]> download(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
