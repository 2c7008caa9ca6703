package io.sigill.signing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, String> {

  List<WebhookDelivery> findByRequestIdOrderByCreatedAt(String requestId);
}
