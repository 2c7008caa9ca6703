package io.sigill.signing;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignatureRequestRepository extends JpaRepository<SignatureRequest, String> {

  Optional<SignatureRequest> findByIdAndOrgId(String id, String orgId);

  Page<SignatureRequest> findByOrgIdOrderByCreatedAtDesc(String orgId, Pageable page);

  Page<SignatureRequest> findByOrgIdAndStatusOrderByCreatedAtDesc(String orgId, SignatureRequestStatus status, Pageable page);
}
