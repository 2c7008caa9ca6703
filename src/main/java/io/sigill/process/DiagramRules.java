package io.sigill.process;

import io.sigill.process.ModelValidator.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Readability rules for one BPMN file: every step named and drawn, no shapes on top of each other. */
final class DiagramRules {

  private DiagramRules() {}

  static void check(String file, BpmnModelInstance model, List<Finding> findings) {
    Map<String, BpmnShape> shapes = new LinkedHashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.putIfAbsent(reference(shape), shape);
    }
    Set<String> edges = new HashSet<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      edges.add(reference(edge));
    }

    List<FlowNode> drawn = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String what = BpmnRules.words(node);
      if (node.getName() == null || node.getName().isBlank()) {
        findings.add(new Finding(file, node.getId(), what + " has no name; give it a short name in plain words"));
      }
      if (shapes.containsKey(node.getId())) {
        drawn.add(node);
      } else {
        findings.add(new Finding(file, node.getId(), what + " is missing from the diagram; "
            + "open the file in Camunda Modeler and place it"));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        findings.add(new Finding(file, flow.getId(), "arrow from " + label(flow.getSource()) + " to "
            + label(flow.getTarget()) + " is missing from the diagram; draw it again in Camunda Modeler"));
      }
    }
    overlaps(file, drawn, shapes, findings);
  }

  private static void overlaps(String file, List<FlowNode> nodes, Map<String, BpmnShape> shapes, List<Finding> findings) {
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        BpmnShape shapeA = shapes.get(a.getId());
        BpmnShape shapeB = shapes.get(b.getId());
        // Collapsed subprocesses are drawn on a diagram of their own; only shapes on one diagram can overlap.
        if (shapeA.getParentElement() == shapeB.getParentElement() && !meantToOverlap(a, b)
            && overlap(shapeA.getBounds(), shapeB.getBounds())) {
          findings.add(new Finding(file, a.getId(), BpmnRules.words(a) + " lies on top of " + label(b)
              + " in the diagram; move one of them apart"));
        }
      }
    }
  }

  /** Boundary events sit on their task's border, and an expanded subprocess contains its steps. */
  private static boolean meantToOverlap(FlowNode a, FlowNode b) {
    return attachedTo(a, b) || attachedTo(b, a) || inside(a, b) || inside(b, a);
  }

  private static boolean attachedTo(FlowNode event, FlowNode host) {
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host;
  }

  private static boolean inside(FlowNode node, FlowNode container) {
    if (!(container instanceof SubProcess)) {
      return false;
    }
    for (ModelElementInstance parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == container) {
        return true;
      }
    }
    return false;
  }

  /** Strict comparison: shapes that merely touch, like a boundary event on an edge, do not overlap. */
  private static boolean overlap(Bounds a, Bounds b) {
    if (a == null || b == null || a.getX() == null || b.getX() == null || a.getY() == null || b.getY() == null
        || a.getWidth() == null || b.getWidth() == null || a.getHeight() == null || b.getHeight() == null) {
      return false;
    }
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  /** Reads the reference as written so a dangling one is reported as missing instead of failing the run. */
  private static String reference(ModelElementInstance diagramElement) {
    String ref = diagramElement.getDomElement().getAttribute("bpmnElement");
    if (ref == null) {
      return "";
    }
    return ref.substring(ref.indexOf(':') + 1);
  }

  private static String label(FlowNode node) {
    if (node == null) {
      return "(nothing)";
    }
    return node.getName() == null || node.getName().isBlank()
        ? node.getId() : "\"" + node.getName().strip() + "\" (" + node.getId() + ")";
  }
}
