package io.sigill.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Makes the hostile and odd PDFs of src/test/resources/pdf. Run {@link #main} to write them again;
 * the password-protected ones are made from good.pdf with qpdf (see pdf/README.md).
 */
final class PdfCorpus {

  /** A phrase of good.pdf, written uncompressed, so a plaintext leak would show it verbatim. */
  static final String PHRASE = "Sigill vault canary: the quick brown notary";

  private PdfCorpus() {}

  static byte[] good() throws IOException {
    return withPages(1, true);
  }

  static byte[] pages(int n) throws IOException {
    return withPages(n, false);
  }

  private static byte[] withPages(int n, boolean phrase) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < n; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (phrase) {
          try (PDPageContentStream content =
              new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(PHRASE);
            content.endText();
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  /** One page whose only stream inflates to {@code inflatedBytes} zeros: a decompression bomb. */
  static byte[] bomb(long inflatedBytes) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        byte[] zeros = new byte[1 << 20];
        for (long written = 0; written < inflatedBytes; written += zeros.length) {
          out.write(zeros, 0, (int) Math.min(zeros.length, inflatedBytes - written));
        }
      }
      page.getCOSObject().setItem(COSName.CONTENTS, stream);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/pdf");
    Files.createDirectories(dir);
    byte[] good = good();
    Files.write(dir.resolve("good.pdf"), good);
    Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(good, good.length * 2 / 3));
    Files.write(dir.resolve("501-pages.pdf"), pages(501));
    Files.write(dir.resolve("bomb-64mib.pdf"), bomb(64L << 20));
    // A PNG signature and header named .pdf: the name and declared type must not matter.
    Files.write(dir.resolve("png-named.pdf"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    Files.writeString(dir.resolve("html-named.pdf"), "<html><body>%PDF? no: <script>alert(1)</script></body></html>");
    Files.write(dir.resolve("empty.pdf"), new byte[0]);
  }
}
