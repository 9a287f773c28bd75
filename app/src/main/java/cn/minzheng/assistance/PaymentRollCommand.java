package cn.minzheng.assistance;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.YearMonth;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar minzheng.jar payment-roll --programme DIBAO --period 2026-12 --key <key>}: generates a month's roll
 * as the platform (for a scheduled job), prints the roll and the time it took. Running it again with the same key
 * answers with the same roll; killing it at any moment leaves no half roll.
 */
@Component
@ConditionalOnProperty(name = "minzheng.command", havingValue = "payment-roll")
class PaymentRollCommand implements ApplicationRunner, ExitCodeGenerator {

    private final PaymentRolls rolls;
    private final District district;
    private int exitCode;

    PaymentRollCommand(PaymentRolls rolls, District district) {
        this.rolls = rolls;
        this.district = district;
    }

    @Override
    public void run(ApplicationArguments args) {
        String programme = single(args, "programme");
        String period = single(args, "period");
        String key = single(args, "key");
        if (programme == null || period == null || key == null) {
            System.out.println("用法：payment-roll --programme DIBAO --period 2026-12 --key <幂等键>");
            exitCode = 64;
            return;
        }
        System.out.println("GENERATING " + programme + " " + period);
        System.out.flush();
        long started = System.nanoTime();
        try {
            PaymentRolls.Generated generated = SystemActor.call(
                    district.scope(),
                    () -> rolls.generate(programme, YearMonth.parse(period), key),
                    "DEPARTMENT_OFFICER");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "ROLL id=%d items=%d totalFen=%d created=%s elapsedMs=%d peakHeapMb=%d%n",
                    generated.roll().id(),
                    generated.roll().itemCount(),
                    generated.roll().totalFen(),
                    generated.created(),
                    millis,
                    peakHeapMb());
        } catch (PaymentRolls.AlreadyGenerated e) {
            System.out.println("EXISTS id=" + e.rollId() + " " + e.getMessage());
            exitCode = 3;
        }
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
