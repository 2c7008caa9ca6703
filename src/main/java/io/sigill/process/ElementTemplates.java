package io.sigill.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.process.ModelValidator.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Modeler element templates in bpmn/.camunda/element-templates/: analysts pick a delegate from them
 * instead of typing {@code ${beanName}}, so every delegate bean needs one.
 */
final class ElementTemplates {

  private ElementTemplates() {}

  /** The delegate expressions (e.g. {@code ${sendMail}}) that some template sets. */
  static Set<String> delegateExpressions(ModelFiles files, List<Finding> findings) {
    Set<String> expressions = new TreeSet<>();
    for (Path file : files.templates()) {
      JsonNode json = ModelJson.read(files, file, findings).orElse(null);
      if (json == null) {
        continue;
      }
      // A file holds one template or an array of them.
      for (JsonNode template : json.isArray() ? json : List.of(json)) {
        for (JsonNode property : template.path("properties")) {
          if (setsDelegateExpression(property) && property.path("value").isTextual()) {
            expressions.add(property.path("value").asText());
          }
        }
      }
    }
    return expressions;
  }

  private static boolean setsDelegateExpression(JsonNode property) {
    JsonNode binding = property.path("binding");
    String type = binding.path("type").asText();
    if ("property".equals(type)) {
      return "camunda:delegateExpression".equals(binding.path("name").asText());
    }
    // Listener beans are offered as listener templates rather than as a task implementation.
    return ("camunda:executionListener".equals(type) || "camunda:taskListener".equals(type))
        && "delegateExpression".equals(binding.path("implementationType").asText());
  }
}
