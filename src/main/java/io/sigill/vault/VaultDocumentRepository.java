package io.sigill.vault;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VaultDocumentRepository extends JpaRepository<VaultDocument, String> {

  Optional<VaultDocument> findByIdAndOrgId(String id, String orgId);
}
