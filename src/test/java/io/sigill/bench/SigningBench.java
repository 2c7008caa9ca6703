package io.sigill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.mysql.MySqlAvailable;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * End to end over HTTP on MySQL/MariaDB with the job executor on: N signature requests of three
 * signers in order are created, signed through the JSON signer API (tokens read from the captured
 * mails as they are committed, as a mail client is told of new mail) and completed; against the
 * bare engine running a process of the same shape (start, three user tasks, end) driven through
 * Camunda's REST API, in the same run.
 * Prints one line per figure.
 */
@ExtendWith(MySqlAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.hikari.maximum-pool-size=20", "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"test", "mysql"})
class SigningBench {

  // Long rounds: a round ends with its last requests running on fewer than all clients, a tail that
  // weighs more on the side whose requests take longer.
  static final int N = Integer.getInteger("bench.signing.requests", 120);
  static final int CLIENTS = Integer.getInteger("bench.signing.clients", 4);
  static final int ROUNDS = Integer.getInteger("bench.signing.rounds", 2);
  // The JIT keeps making both sides faster for dozens of requests, the signing side (far more code:
  // PDF sealing, templates, JPA) longer, and its compiler threads take CPU from whatever runs then:
  // after 16, and still after 40 (or 100 in one block), the first measured round of signing was
  // 20-40% slower than the second. Each side gets this many, in alternating rounds, before anything
  // is measured.
  static final int WARMUP = Integer.getInteger("bench.signing.warmup", 100);
  static final int WARMUP_ROUNDS = 4;
  // Waiting for the job executor to run dry between phases.
  static final long POLL_MS = 15;
  static final Pattern TOKEN = Pattern.compile("/sign/([A-Za-z0-9_-]{43})");

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    MySqlAvailable.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired EntityManagerFactory entityManagerFactory;
  Outbox outbox;
  final List<Long> linkWaits = Collections.synchronizedList(new ArrayList<>());
  final List<Long> completionWaits = Collections.synchronizedList(new ArrayList<>());

  @Test
  void signingEndToEndAgainstTheBareEngine() throws Exception {
    outbox = Outbox.watching(entityManagerFactory);
    byte[] pdf = pdf();
    BpmnModelInstance baseline = Bpmn.createExecutableProcess("bench-baseline").camundaHistoryTimeToLive(1)
        .startEvent().userTask("t1").userTask("t2").userTask("t3").endEvent().done();
    repositoryService.createDeployment().addModelInstance("bench-baseline.bpmn", baseline).deploy();
    String run = UUID.randomUUID().toString().substring(0, 8);

    // The same warmup for both sides, alternating like the measured rounds (code both share, the
    // engine's above all, is compiled for the mix rather than for whichever side came last); each
    // measured phase starts once the job executor has nothing left to do (what one phase leaves
    // behind, e.g. retention jobs of completed requests, must not run during the other's measurement).
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      String prefix = run + "w" + round + "-";
      runAll(WARMUP / WARMUP_ROUNDS, i -> signing(prefix, i, pdf, new ArrayList<>(), new ArrayList<>()));
      awaitNoExecutableJobs();
      runAll(WARMUP / WARMUP_ROUNDS, i -> bare(new ArrayList<>()));
    }

    linkWaits.clear();
    completionWaits.clear();
    List<Long> creates = Collections.synchronizedList(new ArrayList<>());
    List<Long> signs = Collections.synchronizedList(new ArrayList<>());
    List<Long> bareCalls = Collections.synchronizedList(new ArrayList<>());
    // The two sides alternate in rounds, so a burst of load from elsewhere on the machine (or a
    // slow stretch of the database) falls on both alike rather than on whichever ran at the time.
    long signingNanos = 0;
    long bareNanos = 0;
    CpuTime signingCpu = new CpuTime();
    CpuTime bareCpu = new CpuTime();
    int perRound = N / ROUNDS;
    for (int round = 0; round < ROUNDS; round++) {
      String prefix = run + "r" + round + "-";
      CpuTime.Mark cpu = CpuTime.mark();
      long s = runAll(perRound, i -> signing(prefix, i, pdf, creates, signs));
      awaitNoExecutableJobs();
      signingCpu.add(cpu);
      cpu = CpuTime.mark();
      long b = runAll(perRound, i -> bare(bareCalls));
      bareCpu.add(cpu);
      signingNanos += s;
      bareNanos += b;
      System.out.printf("BENCH round %d: signing %.2f/s, bare %.2f/s, ratio %.2f%n", round + 1, perRound / (s / 1e9),
          perRound / (b / 1e9), (double) b / s);
    }

    double signingRate = perRound * ROUNDS / (signingNanos / 1e9);
    double bareRate = perRound * ROUNDS / (bareNanos / 1e9);
    System.out.printf("BENCH signing.requests=%d signers=3 clients=%d rounds=%d%n", perRound * ROUNDS, CLIENTS, ROUNDS);
    System.out.printf("BENCH signing.completed_per_s=%.2f%n", signingRate);
    System.out.printf("BENCH signing.create_ms p50=%.1f p95=%.1f%n", pct(creates, 50), pct(creates, 95));
    System.out.printf("BENCH signing.sign_ms p50=%.1f p95=%.1f%n", pct(signs, 50), pct(signs, 95));
    System.out.printf("BENCH signing.wait_for_link_ms p50=%.1f p95=%.1f (async email step via the job executor)%n",
        pct(linkWaits, 50), pct(linkWaits, 95));
    System.out.printf("BENCH signing.wait_for_completion_ms p50=%.1f p95=%.1f (seal + completed-copy steps)%n",
        pct(completionWaits, 50), pct(completionWaits, 95));
    System.out.printf("BENCH bare_engine.completed_per_s=%.2f (REST call p50=%.1f ms p95=%.1f ms)%n", bareRate,
        pct(bareCalls, 50), pct(bareCalls, 95));
    System.out.printf("BENCH ratio signing/bare=%.2f (goal >= 0.5)%n", signingRate / bareRate);
    // CPU spent per request, this JVM (server and bench client) and the database server: less
    // moved by other load on the machine than the rates, and the reason for them on 2 cores.
    int perSide = perRound * ROUNDS;
    System.out.printf("BENCH cpu_ms per signing request: jvm=%.1f db=%s; per bare instance: jvm=%.1f db=%s%n",
        signingCpu.jvmMs() / perSide, signingCpu.dbMs(perSide), bareCpu.jvmMs() / perSide, bareCpu.dbMs(perSide));
  }

  /** Process CPU time of this JVM and, where /proc shows it, of the MariaDB/MySQL server. */
  static final class CpuTime {

    private long jvmNanos;
    private long dbTicks;
    private boolean dbKnown = true;

    record Mark(long jvmNanos, long dbTicks) {}

    static Mark mark() {
      return new Mark(jvmNanos(), dbTicks());
    }

    void add(Mark from) {
      jvmNanos += jvmNanos() - from.jvmNanos();
      long db = dbTicks();
      dbKnown &= db >= 0 && from.dbTicks() >= 0;
      dbTicks += db - from.dbTicks();
    }

    double jvmMs() {
      return jvmNanos / 1e6;
    }

    String dbMs(int per) {
      return dbKnown ? String.format("%.1f", dbTicks * 10.0 / per) : "n/a";
    }

    private static long jvmNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of the database server in clock ticks (10 ms here), or -1 when not found. */
    private static long dbTicks() {
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          Path comm = dir.resolve("comm");
          if (!dir.getFileName().toString().chars().allMatch(Character::isDigit) || !Files.isReadable(comm)) {
            continue;
          }
          String name = Files.readString(comm).strip();
          if (name.equals("mariadbd") || name.equals("mysqld")) {
            String stat = Files.readString(dir.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        }
      } catch (IOException | RuntimeException e) {
        return -1;
      }
      return -1;
    }
  }

  private void signing(String run, int i, byte[] pdf, List<Long> creates, List<Long> signs) {
    List<String> emails = List.of("b" + run + i + "s1@bench.example", "b" + run + i + "s2@bench.example",
        "b" + run + i + "s3@bench.example");
    Map<String, Object> request = Map.of("title", "Bench " + i, "signers", List.of(
        Map.of("name", "One", "email", emails.get(0), "order", 1),
        Map.of("name", "Two", "email", emails.get(1), "order", 2),
        Map.of("name", "Three", "email", emails.get(2), "order", 3)));
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(pdf) {
      @Override
      public String getFilename() {
        return "bench.pdf";
      }
    }, headers(MediaType.APPLICATION_PDF)));
    try {
      parts.add("request", new HttpEntity<>(json.writeValueAsString(request), headers(MediaType.APPLICATION_JSON)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    long t0 = System.nanoTime();
    ResponseEntity<String> created = rest.withBasicAuth("sender", "demo").postForEntity("/api/signature-requests",
        new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)), String.class);
    creates.add(System.nanoTime() - t0);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = read(created.getBody()).get("id").asText();
    Map<String, Object> submission = Map.of("consent", true, "fields", Map.of(),
        "signature", Map.of("type", "typed", "value", "Bench"));
    for (String email : emails) {
      long w0 = System.nanoTime();
      String token = awaitToken(email);
      linkWaits.add(System.nanoTime() - w0);
      long s0 = System.nanoTime();
      ResponseEntity<String> signed = rest.postForEntity("/api/sign/" + token, submission, String.class);
      signs.add(System.nanoTime() - s0);
      assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.OK);
    }
    long c0 = System.nanoTime();
    awaitCompleted(id);
    completionWaits.add(System.nanoTime() - c0);
  }

  private void bare(List<Long> calls) {
    long t0 = System.nanoTime();
    ResponseEntity<String> started = rest.withBasicAuth("admin", "demo").postForEntity(
        "/engine-rest/process-definition/key/bench-baseline/start", Map.of(), String.class);
    calls.add(System.nanoTime() - t0);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String pi = read(started.getBody()).get("id").asText();
    for (int t = 0; t < 3; t++) {
      long q0 = System.nanoTime();
      JsonNode tasks = read(rest.withBasicAuth("admin", "demo")
          .getForEntity("/engine-rest/task?processInstanceId=" + pi, String.class).getBody());
      String taskId = tasks.get(0).get("id").asText();
      ResponseEntity<String> done = rest.withBasicAuth("admin", "demo")
          .postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class);
      calls.add(System.nanoTime() - q0);
      assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }
  }

  /**
   * The signing link of a signer's invitation, taken from the captured mail as it is committed (a
   * mail client is told of new mail; polling the outbox table would charge the bench's own queries
   * to the signing side).
   */
  private String awaitToken(String email) {
    String body = outbox.awaitInvitation(email);
    Matcher m = TOKEN.matcher(body);
    assertThat(m.find()).as("a signing link in the mail to " + email).isTrue();
    return m.group(1);
  }

  /** Completed: the three completed copies went out (the seal step completed the request before). */
  private void awaitCompleted(String id) {
    outbox.awaitCopies(id, 3);
    String status = jdbc.queryForObject("select status from signature_request where id = ?", String.class, id);
    assertThat(status).isEqualTo("COMPLETED");
  }

  private void awaitNoExecutableJobs() {
    for (int i = 0; i < 2000 && managementService.createJobQuery().executable().count() > 0; i++) {
      sleep(POLL_MS);
    }
  }

  private long runAll(int n, IntConsumer one) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> one.accept(index)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return System.nanoTime() - t0;
    } finally {
      pool.shutdown();
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return headers;
  }

  private static double pct(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static byte[] pdf() throws Exception {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.addPage(new PDPage());
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Hears of every captured mail when its transaction commits (a Hibernate post-commit insert
   * listener, added to the running application by the bench alone).
   */
  static final class Outbox implements PostCommitInsertEventListener {

    private static final long TIMEOUT_S = 60;
    private final Map<String, CompletableFuture<String>> invitations = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> copies = new ConcurrentHashMap<>();

    static Outbox watching(EntityManagerFactory entityManagerFactory) {
      Outbox outbox = new Outbox();
      entityManagerFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
          .requireService(EventListenerRegistry.class).appendListeners(EventType.POST_COMMIT_INSERT, outbox);
      return outbox;
    }

    String awaitInvitation(String recipient) {
      try {
        return invitations.computeIfAbsent(recipient, r -> new CompletableFuture<>()).get(TIMEOUT_S, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("no signing link for " + recipient, e);
      }
    }

    void awaitCopies(String requestId, int count) {
      try {
        if (!copies.computeIfAbsent(requestId, r -> new Semaphore(0)).tryAcquire(count, TIMEOUT_S, TimeUnit.SECONDS)) {
          throw new AssertionError("request " + requestId + " did not complete");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
      String[] names = event.getPersister().getPropertyNames();
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        row.put(names[i], event.getState()[i]);
      }
      String key = String.valueOf(row.get("dedupeKey"));
      if (key.startsWith("signing-link:")) {
        invitations.computeIfAbsent((String) row.get("recipient"), r -> new CompletableFuture<>())
            .complete((String) row.get("body"));
      } else if (key.startsWith("completed-copy:")) {
        String requestId = key.split(":")[1];
        copies.computeIfAbsent(requestId, r -> new Semaphore(0)).release();
      }
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
      // A rolled-back mail was never captured: nothing to hear.
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
      return persister.getEntityName().endsWith(".OutboundMail");
    }
  }
}
