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

  // Written out: a JPQL string is translated once and cached by Hibernate; a derived query is
  // translated again on every call (it runs for each signing-order group of every request).
  @Query("select s from Signer s where s.request.id = ?1 and s.signingOrder = ?2 order by s.position")
  List<Signer> findByRequestIdAndSigningOrderOrderByPosition(String requestId, int signingOrder);

  /** The distinct signing orders of a request, ascending: its signing groups. */
  @Query("select distinct s.signingOrder from Signer s where s.request.id = ?1 order by s.signingOrder")
  List<Integer> signingOrdersOf(String requestId);
}
