package io.sigill.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and verifying one transaction's trail, for those who may see it.
 *
 * <p>Who may: for a chain of an org, members of that org with {@code org-admin} or
 * {@code compliance}, and a {@code sender} for their own requests, i.e. chains whose first event
 * names them as actor (the sender who created the request). For a chain of no org (public incident
 * reports), {@code security} and {@code compliance}. Everyone else gets the same 404 as for an
 * unknown id. Reads are not written into the trail they read (that would move the head between a
 * read and its verification).
 */
@Component
class AuditReading {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ChainStore chains;
  private final SubjectKeys keys;
  private final ObjectMapper json;

  AuditReading(ChainStore chains, SubjectKeys keys, ObjectMapper json) {
    this.chains = chains;
    this.keys = keys;
    this.json = json;
  }

  record EventView(long seq, String type, String actor, String occurredAt, long occurredAtMs, String orgId,
      String ip, String userAgent, Map<String, Object> payload, String prevHash, String hash) {}

  record TrailView(String transactionId, String orgId, List<EventView> events, String headHash) {}

  @Transactional(readOnly = true)
  TrailView read(SigillUser user, String transactionId) {
    Chain chain = load(user, transactionId);
    SubjectKeys.Reader reader = keys.reader();
    List<EventView> views = chain.events().stream().map(e -> view(e, reader)).toList();
    return new TrailView(transactionId, chain.head().orgId(), views, chain.head().lastHash());
  }

  @Transactional(readOnly = true)
  Verification verify(SigillUser user, String transactionId) {
    Chain chain = load(user, transactionId);
    return ChainVerifier.verify(chain.events(), chain.head());
  }

  private record Chain(ChainHead head, List<StoredEvent> events) {}

  private Chain load(SigillUser user, String transactionId) {
    ChainHead head = chains.head(transactionId).orElseThrow(AuditReading::notFound);
    List<StoredEvent> events = chains.events(transactionId);
    if (!mayRead(user, head, events)) {
      throw notFound();
    }
    return new Chain(head, events);
  }

  static boolean mayRead(SigillUser user, ChainHead head, List<StoredEvent> events) {
    if (head.orgId() == null) {
      return user.hasAnyRole(Role.SECURITY, Role.COMPLIANCE);
    }
    if (!head.orgId().equals(user.orgId())) {
      return false;
    }
    if (user.hasAnyRole(Role.ORG_ADMIN, Role.COMPLIANCE)) {
      return true;
    }
    return user.hasRole(Role.SENDER) && !events.isEmpty() && user.userId().equals(events.get(0).actor());
  }

  private EventView view(StoredEvent e, SubjectKeys.Reader reader) {
    return new EventView(e.seq(), e.type(), e.actor(), Instant.ofEpochMilli(e.occurredAtMs()).toString(),
        e.occurredAtMs(), e.orgId(), reader.decrypt(e.ip()), reader.decrypt(e.userAgent()), payload(e, reader),
        e.prevHash(), e.hash());
  }

  private Map<String, Object> payload(StoredEvent e, SubjectKeys.Reader reader) {
    try {
      Map<String, Object> stored = json.readValue(e.payload(), MAP);
      Map<String, Object> shown = new LinkedHashMap<>();
      stored.forEach((k, v) -> shown.put(k, SubjectKeys.isEncrypted(v) ? reader.decrypt((String) v) : v));
      return shown;
    } catch (JsonProcessingException ex) {
      return Map.of("unreadable", true);
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No audit trail found for this transaction");
  }
}
