package cn.minzheng.demo;

import cn.minzheng.identity.AccountManagement;
import cn.minzheng.identity.Role;
import cn.minzheng.platform.District;
import cn.minzheng.platform.PlatformSettings;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.region.RegionChanges;
import cn.minzheng.region.RegionRemapping;
import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.DemoNames;
import cn.minzheng.shared.DemoStep;
import cn.minzheng.shared.RegionLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo district on first start (when {@code minzheng.demo.size} is not {@code none}): communities with the
 * seed's 2023 history and staff accounts for every role and scope. Deterministic: the same seed gives the same
 * district.
 */
@Component
@Order(30)
@ServingPlatform
class DemoDistrict implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);
    static final String LOADED = "demo.loaded";
    /** Set with the communities and staff, in their transaction: the demo has begun and must be finished. */
    static final String BEGUN = "demo.begun";

    /** Communities per street at the baseline (224), in the order of the streets' codes. */
    private static final int[] BASELINE_COMMUNITIES = {24, 26, 30, 28, 22, 24, 26, 22, 12, 10};

    private static final LocalDate HANDOVER = LocalDate.of(2023, 6, 30);
    private static final LocalDate RESTRUCTURING = LocalDate.of(2023, 9, 1);

    private final Regions regions;
    private final RegionChanges changes;
    private final RegionRemapping remapping;
    private final AccountManagement accounts;
    private final PlatformSettings settings;
    private final District district;
    private final TransactionTemplate transactions;
    private final String size;
    private final String configuredPassword;
    private final boolean embeddedDatabase;
    private final long seed;
    private final List<DemoStep> steps;

    DemoDistrict(
            Regions regions,
            RegionChanges changes,
            RegionRemapping remapping,
            AccountManagement accounts,
            PlatformSettings settings,
            District district,
            TransactionTemplate transactions,
            @Value("${minzheng.demo.size}") String size,
            @Value("${minzheng.demo-password:}") String configuredPassword,
            @Value("${minzheng.db.url:}") String externalUrl,
            @Value("${minzheng.demo.seed:20231231}") long seed,
            List<DemoStep> steps) {
        this.regions = regions;
        this.changes = changes;
        this.remapping = remapping;
        this.accounts = accounts;
        this.settings = settings;
        this.district = district;
        this.transactions = transactions;
        this.size = size;
        this.configuredPassword = configuredPassword;
        this.embeddedDatabase = externalUrl.isBlank();
        this.seed = seed;
        this.steps = steps.stream()
                .sorted(java.util.Comparator.comparingInt(DemoStep::order))
                .toList();
    }

    boolean enabled() {
        return switch (size) {
            case "none" -> false;
            case "auto" -> embeddedDatabase;
            default -> true;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.get(LOADED).isPresent()) {
            return;
        }
        // A first start interrupted while building the demo: finish it, whatever MINZHENG_DEMO_SIZE says now, so that
        // the district is never left half-built (issue 14 B6).
        Optional<String> begun = settings.get(BEGUN);
        if (begun.isEmpty() && !enabled()) {
            return;
        }
        String size = begun.orElse(this.size);
        if (begun.isPresent()) {
            log.warn("演示区在上次启动时没有生成完（启动被中断），现在从中断处继续生成");
        }
        long started = System.nanoTime();
        String effective = size.equals("auto") ? "small" : size;
        if (settings.get(stepKey("base")).isEmpty()) {
            String password = configuredPassword.isBlank() ? AccountManagement.generatedPassword() : configuredPassword;
            List<String> problems = accounts.passwordProblems("demo", password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("MINZHENG_DEMO_PASSWORD 不符合密码规则：" + String.join("；", problems));
            }
            Summary summary = SystemActor.call(
                    district.scope(),
                    () -> transactions.execute(status -> {
                        Summary built = build(password);
                        settings.put(BEGUN, size);
                        settings.put(stepKey("base"), "done");
                        return built;
                    }),
                    "SYSTEM_ADMIN");
            // the accounts exist from here on: say how to sign in before the longer steps
            printOnce(summary, password, configuredPassword.isBlank());
        }
        for (DemoStep step : steps) {
            String key = stepKey(Integer.toString(step.order()));
            if (settings.get(key).isPresent()) {
                continue;
            }
            long stepStarted = System.nanoTime();
            if (step.transactional()) {
                SystemActor.run(
                        district.scope(),
                        () -> transactions.executeWithoutResult(status -> {
                            step.build(effective, seed);
                            settings.put(key, "done");
                        }),
                        step.roles());
            } else {
                SystemActor.run(district.scope(), () -> step.build(effective, seed), step.roles());
                settings.put(key, "done");
            }
            log.info("演示数据：{} 用时 {} ms", step.name(), (System.nanoTime() - stepStarted) / 1_000_000);
        }
        settings.put(LOADED, size);
        log.info("演示区已生成，用时 {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static String stepKey(String step) {
        return "demo.step." + step;
    }

    record Summary(int communities, int accounts, List<String> highlighted) {}

    private Summary build(String password) {
        DemoNames names = new DemoNames(seed);
        List<RegionUnit> streets = regions.all(RegionLevel.STREET, regions.today());
        LocalDate baseline =
                regions.find(district.code(), regions.today()).orElseThrow().validFrom();
        RegionChanges.Basis founding = new RegionChanges.Basis("雁民发〔2019〕1号（演示）", "演示数据：基线社区");
        Map<String, List<String>> communitiesByStreet = new LinkedHashMap<>();
        List<String> handedOver = new ArrayList<>();
        for (int s = 0; s < streets.size(); s++) {
            RegionUnit street = streets.get(s);
            int count = s < BASELINE_COMMUNITIES.length ? BASELINE_COMMUNITIES[s] : 12;
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String code = street.code() + String.format("%03d", i);
                // Communities of 丈八沟、鱼化寨 and 曲江 were run by development zones until the 2023 handover.
                boolean zone = isZoneStreet(street.code()) && i > count - 10;
                changes.establish(
                        code,
                        names.community(),
                        street.code(),
                        baseline,
                        !zone,
                        zone ? zoneName(street.code()) : null,
                        founding);
                codes.add(code);
                if (zone) {
                    handedOver.add(code);
                }
            }
            communitiesByStreet.put(street.code(), codes);
        }

        List<AccountManagement.Provisioned> staff = new ArrayList<>();
        staff.add(provisioned("quju_lingdao", names.person(), district.code(), Role.DISTRICT_LEADER));
        staff.add(provisioned("qu_jingban", names.person(), district.code(), Role.DEPARTMENT_OFFICER));
        staff.add(provisioned("qu_jingban2", names.person(), district.code(), Role.DEPARTMENT_OFFICER));
        staff.add(provisioned("fazhi", names.person(), district.code(), Role.LEGAL_REVIEWER));
        staff.add(provisioned("fazhi2", names.person(), district.code(), Role.LEGAL_REVIEWER));
        staff.add(provisioned("anquan", names.person(), district.code(), Role.SECURITY_ADMIN));
        staff.add(provisioned("shenji", names.person(), district.code(), Role.AUDIT_ADMIN));
        for (RegionUnit street : streets) {
            staff.add(provisioned("jiedao_" + street.code(), names.person(), street.code(), Role.STREET_OFFICER));
        }
        communitiesByStreet
                .values()
                .forEach(codes -> codes.forEach(
                        code -> staff.add(provisioned("shequ_" + code, names.person(), code, Role.COMMUNITY_WORKER))));
        int created = accounts.provision(staff, password, false);

        // 2023: 30 communities handed over from the development zones to the streets (same codes).
        RegionChanges.Basis handover = new RegionChanges.Basis("雁政发〔2023〕（演示）", "演示数据：开发区社区移交接收");
        for (String code : handedOver) {
            changes.transfer(code, code.substring(0, 9), code, null, null, true, HANDOVER, handover);
        }

        // 2023: 12 oversized communities split into 28 new ones; their workers' accounts are mapped to a successor.
        RegionChanges.Basis restructuring = new RegionChanges.Basis("雁政函〔2023〕（演示）", "演示数据：超大社区拆分重组");
        int[] splitInto = {3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2};
        List<String> candidates = splitCandidates(communitiesByStreet);
        Map<String, Integer> nextSerial = new LinkedHashMap<>();
        communitiesByStreet.forEach((street, codes) -> nextSerial.put(street, codes.size() + 1));
        for (int i = 0; i < splitInto.length; i++) {
            String code = candidates.get(i);
            String street = code.substring(0, 9);
            List<RegionChanges.NewUnit> successors = new ArrayList<>();
            for (int k = 0; k < splitInto[i]; k++) {
                int serial = nextSerial.merge(street, 1, Integer::sum) - 1;
                successors.add(new RegionChanges.NewUnit(street + String.format("%03d", serial), names.community()));
            }
            long change = changes.split(code, successors, RESTRUCTURING, restructuring);
            for (var pending : remapping.pending(change, 100)) {
                List<String> ids = pending.sample().stream().map(r -> r.id()).toList();
                remapping.map(change, pending.holder(), ids, successors.get(0).code());
            }
            List<AccountManagement.Provisioned> newcomers = new ArrayList<>();
            for (int k = 1; k < successors.size(); k++) {
                String successor = successors.get(k).code();
                newcomers.add(provisioned("shequ_" + successor, names.person(), successor, Role.COMMUNITY_WORKER));
            }
            created += accounts.provision(newcomers, password, false);
        }
        int communities = (int) regions.count(RegionLevel.COMMUNITY, regions.today());
        List<String> highlighted = List.of(
                "quju_lingdao（区局领导，全区）",
                "qu_jingban（业务科室经办，全区）",
                "jiedao_610113001（街道经办，小寨路街道）",
                "shequ_610113001001（社区工作者，小寨路街道第一个社区）",
                "fazhi（法制审核员）",
                "anquan（安全管理员）",
                "shenji（审计管理员）");
        return new Summary(communities, created, highlighted);
    }

    /** Split candidates: from the larger streets, never a street's first communities (the README names one). */
    private static List<String> splitCandidates(Map<String, List<String>> communitiesByStreet) {
        List<String> candidates = new ArrayList<>();
        String[] streets = {"610113003", "610113004", "610113002", "610113007", "610113001", "610113006"};
        for (int round = 0; candidates.size() < 12; round++) {
            for (String street : streets) {
                List<String> codes = communitiesByStreet.getOrDefault(street, List.of());
                int index = 5 + round * 3;
                if (index < codes.size() - 10 && candidates.size() < 12) {
                    candidates.add(codes.get(index));
                }
            }
        }
        return candidates;
    }

    private static boolean isZoneStreet(String street) {
        return street.equals("610113006") || street.equals("610113007") || street.equals("610113008");
    }

    private static String zoneName(String street) {
        return street.equals("610113008") ? "曲江新区管委会" : "西安高新技术产业开发区管委会";
    }

    private static AccountManagement.Provisioned provisioned(String username, String name, String scope, Role role) {
        return new AccountManagement.Provisioned(username, name, scope, Set.of(role));
    }

    private static void printOnce(Summary summary, String password, boolean generated) {
        System.out.println();
        System.out.println("================================================================");
        System.out.println(" 演示区：已生成 " + summary.communities() + " 个社区，" + summary.accounts() + " 个工作人员账号（其余演示数据随后生成）");
        System.out.println(" 演示账号（全部账号见 README）：");
        summary.highlighted().forEach(line -> System.out.println("   " + line));
        if (generated) {
            System.out.println(" 所有演示账号的密码（仅显示这一次）： " + password);
        } else {
            System.out.println(" 所有演示账号的密码取自 MINZHENG_DEMO_PASSWORD");
        }
        System.out.println("================================================================");
        System.out.println();
    }
}
