package io.sigill.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, String> {
  Optional<ApiKey> findBySecretHash(String secretHash);

  List<ApiKey> findByUserIdOrderByCreatedAtDesc(String userId);
}
