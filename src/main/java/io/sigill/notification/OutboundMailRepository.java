package io.sigill.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboundMailRepository extends JpaRepository<OutboundMail, String> {

  // Written out: a JPQL string is translated once and cached by Hibernate; a derived query is
  // translated again on every call (this one runs before every mail).
  @Query("select case when count(m) > 0 then true else false end from OutboundMail m where m.dedupeKey = ?1")
  boolean existsByDedupeKey(String dedupeKey);

  @Query("select m.dedupeKey from OutboundMail m where m.dedupeKey in :keys")
  List<String> findDedupeKeysIn(@Param("keys") Collection<String> keys);

  long countByRecipient(String recipient);

  List<OutboundMail> findTop100ByStatusOrderByCreatedAtDesc(OutboundMail.Status status);

  /** Keeps the row (its dedupe key still stops a second send) but not who it went to or what it said. */
  @Modifying
  @Query("update OutboundMail m set m.recipient = :erased, m.subject = :erased, m.body = :erased "
      + "where m.dedupeKey like :prefix")
  int redact(@Param("prefix") String prefix, @Param("erased") String erased);
}
