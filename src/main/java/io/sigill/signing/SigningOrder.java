package io.sigill.signing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ConcurrentLruCache;

/**
 * The collections of the two multi-instance subprocesses, looked up by id so that no list ever
 * becomes a process variable: {@code ${signingOrder.groups(signatureRequestId)}} and
 * {@code ${signingOrder.signers(signatureRequestId, signingGroup)}}.
 *
 * <p>The engine asks for them again at the start of every group. A request's signers and their
 * order are fixed when it is sent, so its plan is read once (one query) and kept for the most
 * recent requests; every node of a cluster may keep its own copy, as nothing in it ever changes.
 */
@Component("signingOrder")
public class SigningOrder {

  private static final int PLANS_KEPT = 10_000;

  private final SignerRepository signers;
  private final ConcurrentLruCache<String, Map<Integer, List<String>>> plans =
      new ConcurrentLruCache<>(PLANS_KEPT, this::read);

  SigningOrder(SignerRepository signers) {
    this.signers = signers;
  }

  /** The distinct signing orders of a request, ascending: one group each. */
  @Transactional(readOnly = true)
  public List<Integer> groups(String signatureRequestId) {
    return List.copyOf(plans.get(signatureRequestId).keySet());
  }

  /** The ids of the signers of one group, who sign in parallel, in the order the sender listed them. */
  @Transactional(readOnly = true)
  public List<String> signers(String signatureRequestId, Integer signingGroup) {
    return plans.get(signatureRequestId).getOrDefault(signingGroup, List.of());
  }

  private Map<Integer, List<String>> read(String signatureRequestId) {
    Map<Integer, List<String>> byGroup = new TreeMap<>();
    for (Object[] row : signers.signingPlanOf(signatureRequestId)) {
      byGroup.computeIfAbsent((Integer) row[1], g -> new ArrayList<>()).add((String) row[0]);
    }
    if (byGroup.isEmpty()) {
      // Thrown, so not kept: every request has signers, so this one does not exist (yet, or any more).
      throw new NoSuchElementException("No signature request " + signatureRequestId + " with signers");
    }
    byGroup.replaceAll((group, ids) -> List.copyOf(ids));
    return Collections.unmodifiableMap(byGroup);
  }
}
