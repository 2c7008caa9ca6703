package io.sigill.signing;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Test PDFs made with PDFBox, and signing links read back from mails. */
final class SigningFixtures {

  static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+)/sign/([A-Za-z0-9_-]{43})");

  private SigningFixtures() {}

  /** A small A4 PDF of the given page count, with a line of text on each page. */
  static byte[] pdf(int pages) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          content.newLineAtOffset(72, 760);
          content.showText("Service agreement - page " + i);
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SignatureRequests.Upload upload(byte[] pdf) {
    return new SignatureRequests.Upload() {
      @Override
      public String fileName() {
        return "agreement.pdf";
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(pdf);
      }
    };
  }

  /** The token of the signing link in a text, or null. */
  static String tokenIn(String text) {
    Matcher m = LINK.matcher(text);
    return m.find() ? m.group(2) : null;
  }

  static String tokenIn(MimeMessage mail) {
    return tokenIn(GreenMailUtil.getWholeMessage(mail));
  }

  static NewSignatureRequest request(String title, List<NewSignatureRequest.NewSigner> signers, List<String> cc,
      List<NewSignatureRequest.NewField> fields) {
    return new NewSignatureRequest(title, "Please sign by Friday.", signers, cc, fields, null, null);
  }

  static NewSignatureRequest.NewSigner signer(String name, String email, int order) {
    return new NewSignatureRequest.NewSigner(name, email, order);
  }

  static NewSignatureRequest.NewField signatureField(int signer) {
    return new NewSignatureRequest.NewField("signature", signer, 1, 72.0, 100.0, 200.0, 40.0, true);
  }
}
