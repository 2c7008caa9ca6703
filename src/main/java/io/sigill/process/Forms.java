package io.sigill.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.process.ModelValidator.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Camunda Forms in forms/, by form id; user tasks and start events refer to them by that id. */
final class Forms {

  private Forms() {}

  /** Form id to the file that defines it; files that are not Camunda Forms become findings. */
  static Map<String, String> read(ModelFiles files, List<Finding> findings) {
    Map<String, String> ids = new TreeMap<>();
    for (Path file : files.forms()) {
      String name = files.name(file);
      JsonNode form = ModelJson.read(files, file, findings).orElse(null);
      if (form == null) {
        continue;
      }
      JsonNode id = form.path("id");
      boolean hasId = id.isTextual() && !id.asText().isBlank();
      if (!hasId) {
        findings.add(new Finding(name, "", "form has no id; set the form's ID in Camunda Modeler so tasks can refer to it"));
      }
      if (!form.path("components").isArray()) {
        findings.add(new Finding(name, hasId ? id.asText() : "", "form has no list of fields (\"components\"); "
            + "save it again from Camunda Modeler"));
      }
      if (hasId) {
        String earlier = ids.putIfAbsent(id.asText(), name);
        if (earlier != null) {
          findings.add(new Finding(name, id.asText(), "form id is already used by " + earlier
              + "; each form needs its own id"));
        }
      }
    }
    return ids;
  }
}
