package io.sigill.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level ({@code camunda.bpm.history-level: sigill}): everything of FULL
 * (process, activity and task instances, variables, incidents, identity links, the user operation
 * log of what operators did in Cockpit and Tasklist, failed jobs with their errors) except two
 * kinds of rows that only repeat what is already kept:
 *
 * <ul>
 *   <li>a detail row per variable update: the variables of Sigill's processes are ids and
 *       multi-instance counters (DESIGN.md section 7), their final values stay in history;
 *   <li>the job log of jobs created, done and deleted: every step that ran is in the activity
 *       history and, hash-chained, in Sigill's audit trail; failures are still logged.
 * </ul>
 *
 * Together they were about a tenth of the statements a signature request costs the database.
 * {@code full} is still accepted (the level is fixed per database: the engine refuses to start on
 * a database that was set up with another one).
 */
final class OperationalHistory implements HistoryLevel {

  static final String NAME = "sigill";
  /** Unique among the engine's levels (0-3 are NONE to FULL); kept in ACT_GE_PROPERTY. */
  static final int ID = 31;

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.JOB_CREATE,
      HistoryEventTypes.JOB_SUCCESS,
      HistoryEventTypes.JOB_DELETE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !LEFT_OUT.contains(eventType);
  }
}
