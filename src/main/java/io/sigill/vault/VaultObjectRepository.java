package io.sigill.vault;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VaultObjectRepository extends JpaRepository<VaultObject, String> {

  // Written out for the reason given in VaultDocumentRepository.
  @Query("select o from VaultObject o where o.documentId = ?1 and o.version = ?2")
  Optional<VaultObject> findByDocumentIdAndVersion(String documentId, int version);

  @Query("select o from VaultObject o where o.documentId = ?1")
  List<VaultObject> findByDocumentId(String documentId);

  List<VaultObject> findByKekIdNot(String kekId);
}
