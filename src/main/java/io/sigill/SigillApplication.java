package io.sigill;

import io.sigill.process.ModelValidationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sigill: e-signature service and document vault whose document lifecycle runs as BPMN on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SigillApplication {

  public static void main(String[] args) {
    if (ModelValidationCommand.isRequested(args)) {
      System.exit(ModelValidationCommand.run(args, System.out));
    }
    SpringApplication.run(SigillApplication.class, args);
  }
}
