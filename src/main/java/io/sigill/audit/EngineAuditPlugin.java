package io.sigill.audit;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Records every engine step in the audit trail with no code per process: a parse listener on
 * every deployed process and incident sub-handlers. Picked up by the Camunda starter as a bean.
 */
@Component
class EngineAuditPlugin extends AbstractProcessEnginePlugin {

  private final EngineStepRecorder recorder;

  EngineAuditPlugin(AuditTrail trail) {
    this.recorder = new EngineStepRecorder(trail);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AuditParseListener(recorder));

    // Composite handlers keep the default behaviour and call ours as well.
    configuration.setCompositeIncidentHandlersEnabled(true);
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<IncidentHandler>());
    }
    configuration.getCustomIncidentHandlers().add(new IncidentRecorder(Incident.FAILED_JOB_HANDLER_TYPE, recorder));
    configuration.getCustomIncidentHandlers().add(new IncidentRecorder(Incident.EXTERNAL_TASK_HANDLER_TYPE, recorder));
  }
}
