package io.sigill.bench;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.mysql.MySqlAvailable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit append throughput on MySQL/MariaDB with 16 concurrent chains, against plain INSERTs of
 * rows of the same size into a table with no chain (same run, same pool, one transaction per row
 * on both sides); and the time to GET and verify a 200-event trail over HTTP. Prints figures only.
 */
@ExtendWith(MySqlAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.hikari.maximum-pool-size=20")
@ActiveProfiles({"test", "mysql"})
class AuditAppendBench {

  private static final int THREADS = 16;
  private static final int PER_THREAD = 400;

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    MySqlAvailable.register(registry);
  }

  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired TestRestTemplate rest;

  @Test
  void appendThroughputAgainstPlainInserts() throws Exception {
    jdbc.execute("CREATE TABLE IF NOT EXISTS bench_plain_event LIKE audit_event");
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> payload = Map.of("documentId", UUID.randomUUID().toString(), "page", 3);

    IntConsumer audit = t -> trail.record(AuditEventType.DOCUMENT_VIEWED, "bench-" + run + "-" + t, "org-bench",
        "sender", payload, null, null);
    long[] seq = new long[THREADS];
    String hash = "a".repeat(64);
    IntConsumer plain = t -> tx.executeWithoutResult(s -> jdbc.update(
        "INSERT INTO bench_plain_event (transaction_id, seq, org_id, type, actor, ip, user_agent, occurred_at_ms, "
            + "occurred_at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "plain-" + run + "-" + t, ++seq[t], "org-bench", "DOCUMENT_VIEWED", "sender", null, null,
        System.currentTimeMillis(), new java.sql.Timestamp(System.currentTimeMillis()),
        "{\"documentId\":\"" + payload.get("documentId") + "\",\"page\":3}", hash, hash));

    // Warm-up, then measured rounds interleaved so both sides see the same server state.
    rate(plain, 50);
    rate(audit, 50);
    double plainRate = rate(plain, PER_THREAD);
    double auditRate = rate(audit, PER_THREAD);
    double plainRate2 = rate(plain, PER_THREAD);
    double auditRate2 = rate(audit, PER_THREAD);
    double p = (plainRate + plainRate2) / 2;
    double a = (auditRate + auditRate2) / 2;
    System.out.printf("BENCH plain INSERT, %d threads, 1 row/tx: %.0f rows/s%n", THREADS, p);
    System.out.printf("BENCH audit append, %d concurrent chains: %.0f events/s%n", THREADS, a);
    System.out.printf("BENCH audit append / plain insert ratio: %.2f (goal >= 0.5)%n", a / p);
  }

  @Test
  void getAndVerifyOfA200EventTrail() {
    String demoOrg = jdbc.queryForObject("SELECT id FROM org WHERE slug = 'demo'", String.class);
    String id = "bench-trail-" + UUID.randomUUID();
    trail.record(AuditEventType.REQUEST_CREATED, id, demoOrg, "sender", Map.of("n", 0), "198.51.100.7", "Mozilla/5.0 bench");
    for (int i = 1; i < 200; i++) {
      trail.record(AuditEventType.ACTIVITY_STARTED, id, demoOrg, i % 2 == 0 ? Actor.SYSTEM : "sender",
          Map.of("n", i, "activityId", "step" + i), "198.51.100.7", "Mozilla/5.0 bench");
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "demo");
    HttpEntity<Void> request = new HttpEntity<>(headers);
    for (String path : List.of("/api/me", "/api/transactions/" + id + "/audit", "/api/transactions/" + id + "/audit/verify")) {
      long[] ms = new long[100];
      for (int i = 0; i < 100; i++) {
        rest.exchange(path, HttpMethod.GET, request, String.class);
      }
      for (int i = 0; i < ms.length; i++) {
        long start = System.nanoTime();
        var response = rest.exchange(path, HttpMethod.GET, request, String.class);
        ms[i] = (System.nanoTime() - start) / 1_000;
        if (!response.getStatusCode().is2xxSuccessful()) {
          throw new IllegalStateException(path + " answered " + response.getStatusCode());
        }
      }
      Arrays.sort(ms);
      String name = path.equals("/api/me") ? "/api/me (baseline: auth + JSON only)"
          : path.endsWith("verify") ? "audit/verify (200 events)" : "audit (200 events)";
      System.out.printf("BENCH GET %s: median %.1f ms, p95 %.1f ms%s%n", name, ms[ms.length / 2] / 1000.0,
          ms[(int) (ms.length * 0.95)] / 1000.0, path.equals("/api/me") ? "" : " (goal < 50 ms)");
    }
  }

  private static double rate(IntConsumer op, int perThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            op.accept(thread);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return THREADS * perThread / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
