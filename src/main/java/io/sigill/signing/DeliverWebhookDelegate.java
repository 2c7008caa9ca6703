package io.sigill.signing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Post event to callback URL": one signed POST; failure leaves the job to retry. Referenced as {@code ${deliverWebhookDelegate}}. */
@Component("deliverWebhookDelegate")
class DeliverWebhookDelegate implements JavaDelegate {

  private final Webhooks webhooks;

  DeliverWebhookDelegate(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    webhooks.deliver((String) execution.getVariable(Webhooks.DELIVERY_ID));
  }
}
