package cn.minzheng.verification;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.core.link.InProcessRun;
import cn.minzheng.verification.core.link.Probes;
import cn.minzheng.verification.core.rules.RuleCatalogue;
import cn.minzheng.verification.core.store.Store;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The engine of verification-core, run in this process on the newest generation of the store: the same tiers and rule
 * catalogue ({@code rules.conf}) as the command line, with the probe given as the household members and the results
 * returned as objects.
 */
@Component
class VerificationEngine {

    private final StoreGenerations generations;
    private final RuleCatalogue catalogue = RuleCatalogue.bundled();

    VerificationEngine(StoreGenerations generations) {
        this.generations = generations;
    }

    record Run(long generation, InProcessRun.Outcome outcome, long millis) {}

    Run run(List<Probes.Member> members, LocalDate checkDate) {
        long started = System.nanoTime();
        try (StoreGenerations.Lease lease = generations.lease()) {
            InProcessRun.Outcome outcome =
                    InProcessRun.run(lease.connection(), Probes.of(members), catalogue, checkDate);
            return new Run(lease.generation(), outcome, (System.nanoTime() - started) / 1_000_000);
        } catch (Store.OlderStoreException e) {
            throw new BusinessRuleViolation("核对数据库由旧版本建立，姓名比对方式已更新（繁简体、异体字和拼音）；请重新导入各部门的交付数据后再核对");
        } catch (SQLException e) {
            throw new IllegalStateException("核对引擎执行失败", e);
        }
    }

    RuleCatalogue catalogue() {
        return catalogue;
    }
}
