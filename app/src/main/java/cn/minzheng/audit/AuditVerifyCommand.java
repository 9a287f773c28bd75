package cn.minzheng.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar minzheng.jar audit-verify}: walks the chain, prints the result, exits 0 when intact and 2 at the
 * first broken entry. The launcher switches the web server off for commands (see MinzhengApplication).
 */
@Component
@ConditionalOnProperty(name = "minzheng.command", havingValue = "audit-verify")
@Order(0)
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditLog log;
    private int exitCode;

    AuditVerifyCommand(AuditLog log) {
        this.log = log;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChainVerification result = log.verifyChain();
        System.out.println(result.summary());
        exitCode = result.intact() ? 0 : 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
