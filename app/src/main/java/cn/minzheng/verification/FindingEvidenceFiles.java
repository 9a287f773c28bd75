package cn.minzheng.verification;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.files.UploadNames;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence files of a finding's review: checked (at most MAX_EVIDENCE_FILES, each within the size limit, PDF,
 * JPEG or PNG by content), stored with their SM3 under the name of their detected type, and read back with the
 * reading audited.
 */
@Component
public class FindingEvidenceFiles {

    static final int MAX_EVIDENCE_FILES = 5;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final VerificationSettings settings;

    FindingEvidenceFiles(JdbcClient jdbc, AuditTrail audit, VerificationSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
    }

    List<EvidenceUpload> checkedFiles(List<EvidenceUpload> evidence) {
        List<EvidenceUpload> files = evidence == null
                ? List.of()
                : evidence.stream()
                        .filter(u -> u.content() != null && u.content().length > 0)
                        .toList();
        if (files.size() > MAX_EVIDENCE_FILES) {
            throw new BusinessRuleViolation("每次最多附 " + MAX_EVIDENCE_FILES + " 个证据文件");
        }
        for (EvidenceUpload file : files) {
            if (file.content().length > settings.evidenceMaxBytes()) {
                throw new BusinessRuleViolation("证据文件“" + UploadNames.displayName(file.fileName()) + "”超过 "
                        + DeliveryFile.megabytes(settings.evidenceMaxBytes()) + "");
            }
            EvidenceTypes.of(file.content())
                    .orElseThrow(() -> new BusinessRuleViolation(
                            "证据文件“" + UploadNames.displayName(file.fileName()) + "”不是 PDF、JPEG 或 PNG 文件"));
        }
        return files;
    }

    void store(Finding finding, long reviewId, List<EvidenceUpload> files) {
        for (EvidenceUpload file : files) {
            String type = EvidenceTypes.of(file.content()).orElseThrow();
            jdbc.sql("""
                            insert into verification_evidence (review_id, community_code, file_name, content_type,
                                size_bytes, sm3, content, uploaded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            reviewId,
                            finding.communityCode(),
                            // named by the detected type, so the download opens with the right program
                            UploadNames.withExtension(
                                    UploadNames.displayName(file.fileName()), EvidenceTypes.extension(type)),
                            type,
                            file.content().length,
                            Sm3.hex(file.content()),
                            file.content(),
                            RequestRecorder.actor())
                    .update();
        }
    }

    @PreAuthorize(VerificationRoles.READ)
    @Transactional
    public EvidenceFile evidence(long id) {
        EvidenceFile file = jdbc.sql(
                        "select file_name, content_type, content, sm3 from verification_evidence where id = ?")
                .param(id)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new NotFound("证据文件 " + id + " 不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("VERIFICATION_EVIDENCE_VIEWED", "verification_evidence", id));
        return file;
    }
}
