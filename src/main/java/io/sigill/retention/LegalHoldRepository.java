package io.sigill.retention;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LegalHoldRepository extends JpaRepository<LegalHold, String> {

  Optional<LegalHold> findByIdAndOrgId(String id, String orgId);

  List<LegalHold> findByOrgIdOrderByRequestedAtDesc(String orgId);

  List<LegalHold> findByOrgIdAndStatusInOrderByRequestedAtDesc(String orgId, Collection<LegalHoldStatus> statuses);

  @Query("select count(h) from LegalHold h join h.items i where i.documentId = ?1 and h.status in ?2")
  long countHolding(String documentId, Collection<LegalHoldStatus> statuses);
}
