package io.sigill.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Sign audit checkpoint" in {@code bpmn/audit-checkpoint.bpmn}. A retry signs a fresh
 * checkpoint, which is harmless: checkpoints only ever add evidence.
 */
@Component("auditCheckpointDelegate")
class AuditCheckpointDelegate implements JavaDelegate {

  private final AuditCheckpoints checkpoints;

  AuditCheckpointDelegate(AuditCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("checkpointId", checkpoints.create().id());
  }
}
