package io.sigill.vault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records vault events from any thread (server threads too, which {@code @RecordApplicationEvents}
 * does not see) and whether a transaction was open when each was published.
 */
@TestComponent
class VaultEventRecorder {

  record Recorded(DocumentEvent event, boolean inTransaction) {}

  final List<Recorded> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(DocumentEvent event) {
    events.add(new Recorded(event, TransactionSynchronizationManager.isActualTransactionActive()));
  }

  <T extends DocumentEvent> List<T> of(Class<T> type, String documentId) {
    return events.stream().map(Recorded::event).filter(type::isInstance).map(type::cast)
        .filter(e -> documentId.equals(e.documentId())).toList();
  }
}
