package io.sigill.process;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.process.ModelValidator.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the JSON files among the models (forms, element templates), turning syntax errors into findings. */
final class ModelJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelJson() {}

  static Optional<JsonNode> read(ModelFiles files, Path file, List<Finding> findings) {
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr();
      // The original message names the problem without echoing the file; drop the parser's inner location too.
      String problem = e.getOriginalMessage().replaceAll("\\s*\\((for \\w+ starting|start marker) at \\[Source.*$", "");
      findings.add(new Finding(files.name(file), where, "is not valid JSON: " + problem));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
