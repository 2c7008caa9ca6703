package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared by the H2 and MariaDB concurrency tests: n threads appending m events each. */
public final class ConcurrentAppends {

  public static final String ORG = "org-c";

  private ConcurrentAppends() {}

  /** Each thread t appends {@code perThread} events to the chain {@code chainOf.apply(t)}. */
  public static void run(AuditTrail trail, int threads, int perThread, IntFunction<String> chainOf) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            trail.record(AuditEventType.DOCUMENT_VIEWED, chainOf.apply(thread), ORG, "sender",
                Map.of("thread", thread, "i", i), null, null);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  public static void assertGapFree(JdbcTemplate jdbc, String transactionId, int expected) {
    List<Long> seqs = jdbc.queryForList("SELECT seq FROM audit_event WHERE transaction_id = ? ORDER BY seq", Long.class, transactionId);
    assertThat(seqs).hasSize(expected);
    for (int i = 0; i < expected; i++) {
      assertThat(seqs.get(i)).isEqualTo(i + 1L);
    }
    assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE transaction_id = ?", Long.class, transactionId))
        .isEqualTo(expected);
  }
}
