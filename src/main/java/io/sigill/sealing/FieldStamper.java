package io.sigill.sealing;

import io.sigill.sealing.SealingInput.FieldStamp;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws each field's value into its page's content. Field positions are given as the page is
 * displayed; a transformation per page maps them into the page's own space, so a stamp lands where
 * the field was shown on pages with /Rotate and with crop boxes that do not start at 0,0.
 */
final class FieldStamper {

  static final DateTimeFormatter DATE_SIGNED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final float INK_R = 0.05f;
  private static final float INK_G = 0.15f;
  private static final float INK_B = 0.45f;

  private final PDDocument document;
  private final SealFonts fonts;
  private final StampImages images;

  FieldStamper(PDDocument document, SealFonts fonts) {
    this.document = document;
    this.fonts = fonts;
    this.images = new StampImages(document);
  }

  void stamp(List<FieldStamp> fields) throws IOException {
    int pages = document.getNumberOfPages();
    Map<Integer, List<FieldStamp>> byPage = fields.stream().collect(Collectors.groupingBy(FieldStamp::page));
    for (Map.Entry<Integer, List<FieldStamp>> entry : byPage.entrySet()) {
      if (entry.getKey() > pages) {
        throw new IllegalArgumentException("A field is on page " + entry.getKey() + " of a " + pages + "-page document");
      }
      PDPage page = document.getPage(entry.getKey() - 1);
      // resetContext wraps the page's own content in q/Q, so its leftover transformations do not move the stamps.
      try (PDPageContentStream out = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        out.transform(displayToPage(page));
        for (FieldStamp field : entry.getValue()) {
          draw(out, field);
        }
      }
    }
  }

  /** Maps coordinates on the displayed page (lower-left origin) to the page's user space. */
  static Matrix displayToPage(PDPage page) {
    PDRectangle box = page.getCropBox();
    float x = box.getLowerLeftX();
    float y = box.getLowerLeftY();
    float w = box.getWidth();
    float h = box.getHeight();
    return switch (Math.floorMod(page.getRotation(), 360)) {
      case 90 -> new Matrix(0, 1, -1, 0, x + w, y);
      case 180 -> new Matrix(-1, 0, 0, -1, x + w, y + h);
      case 270 -> new Matrix(0, -1, 1, 0, x, y + h);
      default -> new Matrix(1, 0, 0, 1, x, y);
    };
  }

  private void draw(PDPageContentStream out, FieldStamp field) throws IOException {
    switch (field.type()) {
      case SIGNATURE, INITIALS -> {
        byte[] png = field.drawnImagePng();
        if (png != null) {
          drawImage(out, field, png);
        } else {
          SubsetFont script = fonts.script();
          String value = field.value() == null ? "" : field.value();
          drawText(out, field, SealFonts.canShow(script, value) ? script : fonts.sans(value), value, 0.8f);
        }
      }
      case DATE_SIGNED -> {
        String date = dateSigned(field.value());
        drawText(out, field, fonts.sans(date), date, 0.6f);
      }
      case TEXT -> drawText(out, field, fonts.sans(field.value()), field.value(), 0.6f);
      case CHECKBOX -> drawCheckbox(out, field, Boolean.parseBoolean(field.value()));
    }
  }

  static String dateSigned(String value) {
    String plain = plainUtcDateSigned(value);
    if (plain != null) {
      return plain;
    }
    try {
      return DATE_SIGNED.format(Instant.parse(value));
    } catch (DateTimeParseException | NullPointerException e) {
      return value == null ? "" : value;
    }
  }

  /**
   * {@link #dateSigned} of the form signing dates are stored in ("2025-03-01T10:02:00Z", perhaps
   * with a fraction of a second), read off the text: a DateTimeFormatter parse costs more than the
   * rest of a date field's stamp. Null for any other form, or a date or time out of range (such as a
   * leap second), which the full parse handles as before.
   */
  private static String plainUtcDateSigned(String value) {
    if (value == null || value.length() < 20 || value.length() > 30 || value.charAt(value.length() - 1) != 'Z'
        || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
        || value.charAt(16) != ':') {
      return null;
    }
    int year = digits(value, 0, 4);
    int month = digits(value, 5, 7);
    int day = digits(value, 8, 10);
    int hour = digits(value, 11, 13);
    int minute = digits(value, 14, 16);
    int second = digits(value, 17, 19);
    boolean fraction = value.length() == 20
        || value.length() >= 22 && value.charAt(19) == '.' && digits(value, 20, value.length() - 1) >= 0;
    if (!fraction || year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return value.substring(0, 10) + " " + value.substring(11, 16) + " UTC";
  }

  /** The decimal number of the characters from start to end, or -1 unless all are ASCII digits. */
  private static int digits(String text, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private void drawImage(PDPageContentStream out, FieldStamp field, byte[] png) throws IOException {
    PDImageXObject xobject = images.of(png);
    // Fit inside the field, keeping the drawing's proportions, centred.
    float scale = Math.min(field.width() / xobject.getWidth(), field.height() / xobject.getHeight());
    float w = xobject.getWidth() * scale;
    float h = xobject.getHeight() * scale;
    out.drawImage(xobject, field.x() + (field.width() - w) / 2, field.y() + (field.height() - h) / 2, w, h);
  }

  private static void drawText(PDPageContentStream out, FieldStamp field, SubsetFont font,
      String text, float heightShare) throws IOException {
    String shown = SealFonts.printableIn(font, text).strip();
    if (shown.isEmpty()) {
      return;
    }
    float size = field.height() * heightShare;
    float width = SealFonts.stringWidth(font, shown) / 1000 * size;
    if (width > field.width() * 0.96f) {
      size = size * field.width() * 0.96f / width;
      width = SealFonts.stringWidth(font, shown) / 1000 * size;
    }
    float descent = Math.abs(font.typeface().descent()) / 1000 * size;
    float baseline = field.y() + (field.height() - size) / 2 + descent;
    out.beginText();
    out.setNonStrokingColor(INK_R, INK_G, INK_B);
    out.setFont(font, size);
    out.newLineAtOffset(field.x() + Math.min(2, field.width() * 0.02f), baseline);
    out.showText(shown);
    out.endText();
  }

  private static void drawCheckbox(PDPageContentStream out, FieldStamp field, boolean checked) throws IOException {
    float side = Math.min(field.width(), field.height());
    float x = field.x() + (field.width() - side) / 2;
    float y = field.y() + (field.height() - side) / 2;
    out.setStrokingColor(INK_R, INK_G, INK_B);
    out.setLineWidth(Math.max(0.5f, side / 16));
    out.addRect(x, y, side, side);
    out.stroke();
    if (checked) {
      out.setLineWidth(Math.max(1f, side / 8));
      out.moveTo(x + side * 0.2f, y + side * 0.5f);
      out.lineTo(x + side * 0.42f, y + side * 0.2f);
      out.lineTo(x + side * 0.82f, y + side * 0.82f);
      out.stroke();
    }
  }
}
