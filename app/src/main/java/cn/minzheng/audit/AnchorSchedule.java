package cn.minzheng.audit;

import cn.minzheng.platform.ServingPlatform;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Anchors the audit chain when the platform is ready and then every ten minutes ({@code minzheng.audit.anchor-interval}). */
@Component
@ServingPlatform
class AnchorSchedule {

    private final AuditAnchors anchors;
    private final TransactionTemplate transactions;

    AnchorSchedule(AuditAnchors anchors, TransactionTemplate transactions) {
        this.anchors = anchors;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        anchor();
    }

    @Scheduled(
            initialDelayString = "${minzheng.audit.anchor-interval:PT10M}",
            fixedDelayString = "${minzheng.audit.anchor-interval:PT10M}")
    void anchor() {
        transactions.executeWithoutResult(status -> anchors.anchorHead());
    }
}
