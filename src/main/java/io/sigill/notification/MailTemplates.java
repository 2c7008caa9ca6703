package io.sigill.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from two Thymeleaf templates, {@code templates/mail/<name>.txt} (text mode) and
 * {@code templates/mail/<name>.html} (HTML mode, escaped as on pages).
 */
@Component
public class MailTemplates {

  /** The two bodies of one mail. */
  public record Rendered(String text, String html) {}

  private final ITemplateEngine pages;
  private final SpringTemplateEngine text;

  MailTemplates(ITemplateEngine pages) {
    this.pages = pages;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    this.text = new SpringTemplateEngine();
    this.text.setTemplateResolver(resolver);
  }

  public Rendered render(String name, Map<String, Object> variables) {
    Context context = new Context(Locale.ENGLISH, variables);
    return new Rendered(text.process(name, context), pages.process("mail/" + name, context));
  }
}
