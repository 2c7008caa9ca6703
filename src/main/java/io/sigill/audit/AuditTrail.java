package io.sigill.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to write the audit trail. Each call appends one event to the hash chain of its
 * transaction (signature request, legal hold, deletion request, incident) inside the caller's
 * database transaction: if the caller rolls back, the event is gone with it.
 *
 * <p>Payload values that are personal data must be passed as {@link PersonalValue} (top-level
 * entries only); everything else in the payload is stored in plain JSON, so ids and small facts
 * only. The IP and user agent of the current HTTP request, if any, are recorded encrypted under
 * the actor's subject key.
 */
@Component
public class AuditTrail {

  static final int MAX_PAYLOAD = 8000;
  private static final int MAX_USER_AGENT = 512;
  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  private final ChainStore chains;
  private final SubjectKeys keys;
  private final ObjectMapper json;
  private final TransactionTemplate ownTransaction;

  AuditTrail(ChainStore chains, SubjectKeys keys, ObjectMapper objectMapper,
      PlatformTransactionManager transactionManager) {
    this.chains = chains;
    this.keys = keys;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.json = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** Records an event; IP and user agent come from the current HTTP request when there is one. */
  @Transactional
  public long record(AuditEventType type, String transactionId, String orgId, String actor, Map<String, ?> payload) {
    HttpServletRequest request = currentRequest();
    String ip = request == null ? null : request.getRemoteAddr();
    String userAgent = request == null ? null : request.getHeader("User-Agent");
    return record(type, transactionId, orgId, actor, payload, ip, userAgent);
  }

  /**
   * Records an event with an explicit origin. Returns its sequence number in the chain.
   *
   * @param orgId the owning org, or null when the caller does not know it (the chain keeps the org
   *     of the first event that named one; naming a different org is refused)
   */
  @Transactional
  public long record(AuditEventType type, String transactionId, String orgId, String actor, Map<String, ?> payload,
      String ip, String userAgent) {
    AuditTransaction.Pending event = prepare(type, transactionId, orgId, actor, payload, ip, userAgent);
    // Events recorded earlier in this transaction come first.
    AuditTransaction.flushCurrent();
    return append(List.of(event));
  }

  /**
   * Records an event like {@link #record(AuditEventType, String, String, String, Map)}, in the
   * caller's transaction, but writes it only when the transaction is about to commit, together
   * with the transaction's other such events (in the order they were recorded): the chain's head is
   * then locked and advanced once per transaction. Without a transaction it is written at once.
   */
  public void recordLater(AuditEventType type, String transactionId, String orgId, String actor, Map<String, ?> payload) {
    HttpServletRequest request = currentRequest();
    String ip = request == null ? null : request.getRemoteAddr();
    String userAgent = request == null ? null : request.getHeader("User-Agent");
    recordLater(type, transactionId, orgId, actor, payload, ip, userAgent);
  }

  /** {@link #recordLater(AuditEventType, String, String, String, Map)} with an explicit origin. */
  public void recordLater(AuditEventType type, String transactionId, String orgId, String actor, Map<String, ?> payload,
      String ip, String userAgent) {
    AuditTransaction tx = AuditTransaction.join(this::append);
    if (tx == null) {
      ownTransaction.executeWithoutResult(s -> append(List.of(prepare(type, transactionId, orgId, actor, payload, ip,
          userAgent))));
      return;
    }
    tx.add(prepare(type, transactionId, orgId, actor, payload, ip, userAgent));
  }

  /** Checks and encrypts an event as recorded now; its place in the chain is given when it is written. */
  private AuditTransaction.Pending prepare(AuditEventType type, String transactionId, String orgId, String actor,
      Map<String, ?> payload, String ip, String userAgent) {
    requireText(transactionId, "transactionId", 100);
    requireText(actor, "actor", 120);
    AuditTransaction.join(this::append);
    long now = ClockUtil.getCurrentTime().getTime();
    String subject = Actor.subjectOf(actor) != null ? Actor.subjectOf(actor) : "transaction:" + transactionId;
    String storedIp = keys.encrypt(subject, ip);
    String storedAgent = keys.encrypt(subject, truncate(userAgent));
    String storedPayload = payloadJson(payload);
    return new AuditTransaction.Pending(transactionId, orgId, type.name(), actor, storedIp, storedAgent, now,
        storedPayload);
  }

  /**
   * Appends events to their chains in the current transaction, in the given order: each chain's
   * head is locked once (chains in id order, so two transactions never wait on each other's heads
   * in opposite order), its events are inserted in one statement and the head advanced once.
   * Returns the sequence number of the last event.
   */
  private long append(List<AuditTransaction.Pending> events) {
    Map<String, List<AuditTransaction.Pending>> byChain = new TreeMap<>();
    for (AuditTransaction.Pending e : events) {
      byChain.computeIfAbsent(e.transactionId(), id -> new ArrayList<>()).add(e);
    }
    Map<String, Long> lastSeq = new HashMap<>();
    for (Map.Entry<String, List<AuditTransaction.Pending>> chain : byChain.entrySet()) {
      String transactionId = chain.getKey();
      List<AuditTransaction.Pending> pending = chain.getValue();
      long firstAt = pending.get(0).occurredAtMs();
      ChainHead head = chains.lockHead(transactionId, pending.get(0).orgId(), firstAt);
      String org = head.orgId();
      long seq = head.lastSeq();
      String prevHash = head.lastHash();
      long lastAt = firstAt;
      List<StoredEvent> rows = new ArrayList<>(pending.size());
      for (AuditTransaction.Pending e : pending) {
        if (org != null && e.orgId() != null && !org.equals(e.orgId())) {
          throw new IllegalArgumentException("Transaction " + transactionId + " belongs to another org");
        }
        org = org != null ? org : e.orgId();
        seq++;
        StoredEvent event = new StoredEvent(transactionId, seq, org, e.type(), e.actor(), e.ip(), e.userAgent(),
            e.occurredAtMs(), e.payload(), prevHash, null);
        event = event.withHash(EventHash.of(event));
        rows.add(event);
        prevHash = event.hash();
        lastAt = e.occurredAtMs();
      }
      chains.insertAll(rows);
      chains.advance(transactionId, org, seq, prevHash, lastAt);
      lastSeq.put(transactionId, seq);
    }
    return lastSeq.get(events.get(events.size() - 1).transactionId());
  }

  /**
   * The trail of one transaction without personal values, or empty for an unknown id. No reader
   * check: callers decide who sees it (public seal verification only reads hashes out of it).
   */
  @Transactional(readOnly = true)
  public Optional<TrailExport> export(String transactionId) {
    Optional<ChainHead> head = chains.head(transactionId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<TrailExport.Event> events = chains.events(transactionId).stream()
        .map(e -> new TrailExport.Event(e.seq(), e.type(), e.actor(), Instant.ofEpochMilli(e.occurredAtMs()),
            publicPayload(e.payload()), e.hash()))
        .toList();
    return Optional.of(new TrailExport(transactionId, events, head.get().lastHash()));
  }

  /** Where and when an actor did something, as recorded: for evidence such as a certificate of completion. */
  public record Origin(String ip, String userAgent, Instant occurredAt) {}

  /**
   * The IP, user agent and time of the latest event of this type by this actor in the chain, decrypted
   * (an erased subject reads "[erased]"); empty when there is none. No reader check: for the
   * service's own evidence, not for display to callers.
   */
  @Transactional(readOnly = true)
  public Optional<Origin> lastOrigin(String transactionId, String actor, AuditEventType type) {
    SubjectKeys.Reader reader = keys.reader();
    return chains.events(transactionId).stream()
        .filter(e -> e.type().equals(type.name()) && actor.equals(e.actor()))
        .reduce((first, second) -> second)
        .map(e -> new Origin(reader.decrypt(e.ip()), reader.decrypt(e.userAgent()), Instant.ofEpochMilli(e.occurredAtMs())));
  }

  /**
   * {@link #lastOrigin} for every actor at once, from one read of the chain: actor to the IP, user
   * agent and time of their latest event of this type (actors without one are absent).
   */
  @Transactional(readOnly = true)
  public Map<String, Origin> lastOrigins(String transactionId, AuditEventType type) {
    SubjectKeys.Reader reader = keys.reader();
    Map<String, StoredEvent> latest = new HashMap<>();
    for (StoredEvent e : chains.events(transactionId)) {
      if (e.type().equals(type.name())) {
        latest.put(e.actor(), e);
      }
    }
    Map<String, Origin> origins = new HashMap<>();
    latest.forEach((actor, e) -> origins.put(actor,
        new Origin(reader.decrypt(e.ip()), reader.decrypt(e.userAgent()), Instant.ofEpochMilli(e.occurredAtMs()))));
    return origins;
  }

  /** Recomputes one transaction's chain; empty for an unknown id. */
  @Transactional(readOnly = true)
  public Optional<Verification> verify(String transactionId) {
    return chains.head(transactionId).map(head -> ChainVerifier.verify(chains.events(transactionId), head));
  }

  private Map<String, Object> publicPayload(String stored) {
    try {
      Map<String, Object> values = json.readValue(stored, PAYLOAD);
      Map<String, Object> shown = new LinkedHashMap<>();
      values.forEach((k, v) -> shown.put(k, SubjectKeys.isEncrypted(v) ? TrailExport.PERSONAL : v));
      return shown;
    } catch (JsonProcessingException e) {
      return Map.of("unreadable", true);
    }
  }

  /** Erases a data subject: their key is destroyed, their values read as "[erased]" from now on. */
  @Transactional
  public void eraseSubject(String subjectId) {
    keys.erase(subjectId);
  }

  private String payloadJson(Map<String, ?> payload) {
    Map<String, Object> stored = new TreeMap<>();
    if (payload != null) {
      payload.forEach((k, v) -> stored.put(k, v instanceof PersonalValue p ? keys.encrypt(p.subjectId(), p.value()) : v));
    }
    try {
      String text = json.writeValueAsString(stored);
      if (text.length() > MAX_PAYLOAD) {
        throw new IllegalArgumentException("Audit payload too large: " + text.length() + " characters");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit payload is not serializable as JSON", e);
    }
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest()
        : null;
  }

  private static String truncate(String userAgent) {
    return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
  }

  private static void requireText(String value, String name, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
    }
  }
}
