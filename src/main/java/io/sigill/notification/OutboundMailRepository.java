package io.sigill.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundMailRepository extends JpaRepository<OutboundMail, String> {

  boolean existsByDedupeKey(String dedupeKey);

  long countByRecipient(String recipient);

  List<OutboundMail> findTop100ByStatusOrderByCreatedAtDesc(OutboundMail.Status status);
}
