package io.sigill.retention;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeletionRequestRepository extends JpaRepository<DeletionRequest, String> {

  Optional<DeletionRequest> findByIdAndOrgId(String id, String orgId);

  List<DeletionRequest> findByOrgIdOrderByRequestedAtDesc(String orgId);

  Optional<DeletionRequest> findByConfirmationHash(String confirmationHash);

  boolean existsByOrgIdAndSubjectEmailAndStatus(String orgId, String subjectEmail, DeletionStatus status);
}
