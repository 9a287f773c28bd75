package cn.minzheng;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issue 14 A2: no event between modules is lost to a crash. A listener either runs inside the publisher's transaction
 * (a plain {@code @EventListener}: it commits or rolls back with the act that published the event) or after the commit
 * as an {@code @ApplicationModuleListener}, whose publication Spring Modulith's registry keeps in PostgreSQL until it
 * has run. An after-commit or asynchronous listener of any other kind would lose its event when the process dies.
 */
class EventListenersTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.minzheng");

    @Test
    void afterCommitListenersAreRecordedInTheEventPublicationRegistry() {
        methods()
                .that()
                .areMetaAnnotatedWith(TransactionalEventListener.class)
                .should()
                .beAnnotatedWith(ApplicationModuleListener.class)
                .because("an after-commit listener outside the registry loses its event when the process dies")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noListenerRunsAsynchronouslyOutsideTheRegistry() {
        methods()
                .that()
                .areAnnotatedWith(Async.class)
                .should()
                .notBeMetaAnnotatedWith(org.springframework.context.event.EventListener.class)
                .allowEmptyShould(true)
                .check(classes);
    }
}
