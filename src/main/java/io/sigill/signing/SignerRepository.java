package io.sigill.signing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SignerRepository extends JpaRepository<Signer, String> {

  /** Locks the signer row: two submissions of one link are serialized, the second sees SIGNED. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Signer s where s.id = ?1")
  Optional<Signer> lockById(String id);

  /** Each signer of a request with their signing order: id, order; by order, then as the sender listed them. */
  @Query("select s.id, s.signingOrder from Signer s where s.request.id = ?1 order by s.signingOrder, s.position")
  List<Object[]> signingPlanOf(String requestId);
}
