package io.sigill.vault;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VaultPartyRepository extends JpaRepository<VaultParty, VaultParty.Key> {

  // Written out for the reason given in VaultDocumentRepository.
  @Query("select p from VaultParty p where p.key.documentId = ?1")
  List<VaultParty> findByKeyDocumentId(String documentId);

  @Query("select p.key.documentId from VaultParty p where p.key.party = :party order by p.key.documentId")
  List<String> documentIdsHeldBy(@Param("party") String party);
}
