package io.sigill.vault;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VaultObjectRepository extends JpaRepository<VaultObject, String> {

  Optional<VaultObject> findByDocumentIdAndVersion(String documentId, int version);

  List<VaultObject> findByDocumentId(String documentId);

  List<VaultObject> findByKekIdNot(String kekId);
}
