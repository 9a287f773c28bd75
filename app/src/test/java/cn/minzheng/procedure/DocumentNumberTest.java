package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** 文号 per unit, series and year: unique and gap-free, under concurrency and across rollbacks. */
@SpringBootTest
class DocumentNumberTest {

    @Autowired
    CaseStore store;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentIssuersGetDistinctConsecutiveNumbersAndARollbackLeavesNoGap() throws Exception {
        int threads = 8;
        int perThread = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    boolean rollBack = (thread + i) % 5 == 0;
                    Integer n = transactions.execute(status -> {
                        int number = store.nextNumber("DOCUMENT", "610113", "雁民测试", 2026);
                        if (rollBack) {
                            status.setRollbackOnly(); // e.g. the PDF could not be rendered: the number returns
                        }
                        return number;
                    });
                    if (!rollBack) {
                        mine.add(n);
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Integer> issued = new ArrayList<>();
        for (Future<List<Integer>> f : futures) {
            issued.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(issued);
        assertThat(issued).doesNotHaveDuplicates();
        assertThat(issued)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, issued.size()).boxed().toList());
        // other units, series and years count on their own
        assertThat(next("610113001", "雁民测试", 2026)).isEqualTo(1);
        assertThat(next("610113", "雁民测试", 2027)).isEqualTo(1);
        assertThat(next("610113", "雁民其他", 2026)).isEqualTo(1);
    }

    private int next(String unit, String series, int year) {
        Integer n = transactions.execute(s -> store.nextNumber("DOCUMENT", unit, series, year));
        return n;
    }
}
