package io.sigill.process;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;

/**
 * Finds the names of the delegate beans in the code by reading class files, without starting Spring: the
 * validator runs before the application context exists and must not need a database.
 */
final class DelegateBeans {

  static final String BASE_PACKAGE = "io.sigill";

  private DelegateBeans() {}

  /** Bean names of {@code @Component} classes that implement JavaDelegate, ExecutionListener or TaskListener. */
  static Set<String> scan(String basePackage, ClassLoader classLoader) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    // The class's own loader sees BOOT-INF/classes inside the Spring Boot jar; the default one may not.
    scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
    scanner.addIncludeFilter(delegateComponent());
    var registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      // Same naming rules as the running application: @Component("name") or the decapitalized class name.
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
    }
    return names;
  }

  private static TypeFilter delegateComponent() {
    TypeFilter component = new AnnotationTypeFilter(Component.class);
    TypeFilter delegate = new AssignableTypeFilter(JavaDelegate.class);
    TypeFilter executionListener = new AssignableTypeFilter(ExecutionListener.class);
    TypeFilter taskListener = new AssignableTypeFilter(TaskListener.class);
    // Include filters are alternatives; a delegate bean must be a component AND one of the three kinds.
    return (reader, factory) -> component.match(reader, factory)
        && (delegate.match(reader, factory) || executionListener.match(reader, factory)
            || taskListener.match(reader, factory));
  }
}
