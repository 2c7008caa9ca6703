package io.sigill.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXParseException;

/**
 * Checks the analysts' models (bpmn/, forms/ and the Modeler's element templates) against Sigill's modelling
 * rules, so a mistake shows up as a plain sentence before deployment instead of as an engine error at run time.
 * Needs no Spring context: it runs from {@code --validate} before the application starts.
 */
final class ModelValidator {

  /** One problem, printed as {@code file:elementId: message}. */
  record Finding(String file, String elementId, String message) {
    @Override
    public String toString() {
      return elementId.isBlank() ? file + ": " + message : file + ":" + elementId + ": " + message;
    }
  }

  private static final Pattern PARSER_LINE = Pattern.compile("Line=(\\d+): (.*)", Pattern.DOTALL);

  private final Set<String> delegateBeans;

  /** {@code delegateBeans} are the bean names the code offers to {@code camunda:delegateExpression}. */
  ModelValidator(Set<String> delegateBeans) {
    this.delegateBeans = Collections.unmodifiableSortedSet(new TreeSet<>(delegateBeans)); // sorted for messages
  }

  /** A validator that knows the delegate beans of the code on this class's class path. */
  static ModelValidator forApplicationCode() {
    return new ModelValidator(DelegateBeans.scan(DelegateBeans.BASE_PACKAGE, ModelValidator.class.getClassLoader()));
  }

  List<Finding> validate(Path modelDir) {
    return validate(ModelFiles.in(modelDir));
  }

  List<Finding> validate(ModelFiles files) {
    List<Finding> findings = new ArrayList<>();
    Map<String, String> forms = Forms.read(files, findings);
    for (Path file : files.bpmn()) {
      String name = files.name(file);
      BpmnModelInstance model = parse(files, file, Bpmn::readModelFromStream, "BPMN", findings);
      if (model != null) {
        BpmnRules.check(name, model, delegateBeans, forms, findings);
        DiagramRules.check(name, model, findings);
      }
    }
    for (Path file : files.dmn()) {
      DmnModelInstance model = parse(files, file, Dmn::readModelFromStream, "DMN", findings);
      if (model != null) {
        decisionHistoryTimeToLive(files.name(file), model, findings);
      }
    }
    templates(files, findings);
    // Stable sort: one file's findings together, in the order the rules found them.
    findings.sort(Comparator.comparing(Finding::file));
    return findings;
  }

  /** Like processes, decisions are refused at deployment without a history time to live (engine default). */
  private static void decisionHistoryTimeToLive(String file, DmnModelInstance model, List<Finding> findings) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String ttl = decision.getCamundaHistoryTimeToLiveString();
      if (ttl == null || ttl.isBlank()) {
        findings.add(new Finding(file, decision.getId(), "decision has no history time to live; set "
            + "\"History cleanup > Time to live\" (days) so the engine can delete old history"));
      }
    }
  }

  private void templates(ModelFiles files, List<Finding> findings) {
    Set<String> offered = ElementTemplates.delegateExpressions(files, findings);
    for (String bean : delegateBeans) {
      if (!offered.contains("${" + bean + "}")) {
        findings.add(new Finding(ModelFiles.TEMPLATE_DIR, bean, "no element template for delegate bean"));
      }
    }
  }

  /** Parsing also validates against the XML schema; either failure becomes one finding with its line. */
  private static <T> T parse(ModelFiles files, Path file, Function<InputStream, T> reader, String kind,
      List<Finding> findings) {
    try (InputStream in = Files.newInputStream(file)) {
      return reader.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (RuntimeException e) {
      findings.add(parseFinding(files.name(file), kind, e));
      return null;
    }
  }

  private static Finding parseFinding(String file, String kind, Throwable error) {
    Throwable deepest = error;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return new Finding(file, "line " + sax.getLineNumber(), "is not valid " + kind + ": " + plain(sax.getMessage()));
      }
      deepest = cause;
    }
    // The model API reports schema errors as text only, e.g. "Error: URI=null Line=7: cvc-...: Invalid content".
    String message = String.valueOf(deepest.getMessage());
    Matcher line = PARSER_LINE.matcher(message);
    if (line.find()) {
      return new Finding(file, "line " + line.group(1), "is not valid " + kind + ": " + plain(line.group(2)));
    }
    return new Finding(file, "", "is not valid " + kind + ": " + plain(message));
  }

  /** Drops the schema rule codes and namespace URIs that mean nothing to an analyst. */
  private static String plain(String parserMessage) {
    return parserMessage.replaceAll("^cvc-[\\w.-]+: ", "").replaceAll("\\{?\"[a-z]+:[^\"]*\":(\\w+)}?", "$1").strip();
  }
}
