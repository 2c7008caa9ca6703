package io.sigill.retention;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeletionItemRepository extends JpaRepository<DeletionItem, DeletionItem.Key> {

  List<DeletionItem> findByKeyDeletionIdOrderByKeyDocumentId(String deletionId);

  List<DeletionItem> findByKeyDocumentIdAndOutcome(String documentId, ItemOutcome outcome);
}
