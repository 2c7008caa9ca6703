package io.sigill.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Organisations by id and slug. */
public interface OrgRepository extends JpaRepository<Org, String> {
  Optional<Org> findBySlug(String slug);
}
