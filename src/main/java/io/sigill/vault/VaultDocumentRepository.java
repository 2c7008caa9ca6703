package io.sigill.vault;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VaultDocumentRepository extends JpaRepository<VaultDocument, String> {

  // Queries on every read, store and share are written out: Hibernate translates a JPQL string once
  // and caches it, where a derived query is translated from its criteria tree on every call.
  @Query("select d from VaultDocument d where d.id = ?1 and d.orgId = ?2")
  Optional<VaultDocument> findByIdAndOrgId(String id, String orgId);
}
