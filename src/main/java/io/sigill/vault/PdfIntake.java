package io.sigill.vault;

import io.sigill.vault.DocumentRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Safe intake of untrusted PDFs: spools the upload to a temp file with a size limit, then checks
 * the content (never the name or declared type) with PDFBox, whose stream cache lives in temp
 * files so memory stays bounded. Every compressed stream is inflated once into a counter: a
 * decompression bomb is refused before anyone renders it.
 */
final class PdfIntake {

  // Filters PDFBox inflates itself; image codecs (DCT, JPX, JBIG2, CCITT) pass through undecoded.
  private static final Set<COSName> INFLATING =
      Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION, COSName.LZW_DECODE,
          COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION,
          COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION, COSName.ASCII85_DECODE,
          COSName.ASCII85_DECODE_ABBREVIATION);

  private final long maxBytes;
  private final int maxPages;
  private final long maxInflatedBytes;
  private final Path spoolDir;

  PdfIntake(long maxBytes, int maxPages, long maxInflatedBytes) {
    this(maxBytes, maxPages, maxInflatedBytes, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** With the directory uploads are spooled to (tests watch one of their own). */
  PdfIntake(long maxBytes, int maxPages, long maxInflatedBytes, Path spoolDir) {
    this.maxBytes = maxBytes;
    this.maxPages = maxPages;
    this.maxInflatedBytes = maxInflatedBytes;
    this.spoolDir = spoolDir;
  }

  /** A spooled, checked upload. The temp file is the caller's to delete. */
  record Checked(Path file, long size, String sha256, int pages) {}

  /** Spools and checks; on any refusal the temp file is already gone. */
  Checked take(InputStream upload) throws IOException {
    Path file = createTempFile();
    try {
      String sha256;
      long size;
      MessageDigest digest = sha256();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
        size = copyWithLimit(upload, out);
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
      int pages = inspect(file, size);
      return new Checked(file, size, sha256, pages);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private long copyWithLimit(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      total += n;
      if (total > maxBytes) {
        throw new DocumentRejectedException(Reason.TOO_LARGE,
            "The file is larger than the limit of " + maxBytes + " bytes.");
      }
      out.write(buf, 0, n);
    }
    return total;
  }

  private int inspect(Path file, long size) throws IOException {
    checkEnvelope(file, size);
    PDDocument pdf;
    try {
      pdf = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw new DocumentRejectedException(Reason.ENCRYPTED, "The PDF is password-protected; upload it without a password.");
    } catch (IOException e) {
      throw new DocumentRejectedException(Reason.BROKEN, "The PDF is damaged and cannot be read.");
    }
    try (pdf) {
      // Opened with the empty user password yet encrypted: its content can't be sealed as is.
      if (pdf.isEncrypted()) {
        throw new DocumentRejectedException(Reason.ENCRYPTED, "The PDF is encrypted; upload it without encryption.");
      }
      int pages = pdf.getNumberOfPages();
      if (pages > maxPages) {
        throw new DocumentRejectedException(Reason.TOO_MANY_PAGES,
            "The PDF has " + pages + " pages; the limit is " + maxPages + ".");
      }
      if (pages == 0) {
        throw new DocumentRejectedException(Reason.BROKEN, "The PDF has no pages.");
      }
      checkInflatedSize(pdf.getDocument());
      return pages;
    }
  }

  /** A PDF starts with %PDF- and ends with %%EOF; PDFBox would silently repair a cut file. */
  private static void checkEnvelope(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[(int) Math.min(1024, size)];
      raf.readFully(head);
      if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
        throw new DocumentRejectedException(Reason.NOT_A_PDF, "The file is not a PDF.");
      }
      int tailLength = (int) Math.min(1024, size);
      byte[] tail = new byte[tailLength];
      raf.seek(size - tailLength);
      raf.readFully(tail);
      if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
        throw new DocumentRejectedException(Reason.TRUNCATED, "The PDF is truncated: its end is missing.");
      }
    }
  }

  private void checkInflatedSize(COSDocument document) throws IOException {
    long inflated = 0;
    byte[] sink = new byte[64 * 1024];
    for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
      COSObject object = document.getObjectFromPool(key);
      COSBase base = object.getObject();
      if (!(base instanceof COSStream stream) || !inflates(stream)) {
        continue;
      }
      try (InputStream in = stream.createInputStream()) {
        int n;
        while ((n = in.read(sink)) >= 0) {
          inflated += n;
          if (inflated > maxInflatedBytes) {
            throw new DocumentRejectedException(Reason.DECOMPRESSION_BOMB,
                "The PDF's compressed content expands beyond " + maxInflatedBytes + " bytes (a decompression bomb).");
          }
        }
      } catch (IOException e) {
        throw new DocumentRejectedException(Reason.BROKEN, "The PDF has a damaged content stream.");
      }
    }
  }

  private static boolean inflates(COSStream stream) {
    COSBase filters = stream.getFilters();
    if (filters instanceof COSName name) {
      return INFLATING.contains(name);
    }
    if (filters instanceof org.apache.pdfbox.cos.COSArray array) {
      for (COSBase f : array) {
        if (!(f instanceof COSName name) || !INFLATING.contains(name)) {
          return false;
        }
      }
      return array.size() > 0;
    }
    return false;
  }

  private Path createTempFile() throws IOException {
    Path dir = spoolDir;
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(dir, "sigill-intake", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, "sigill-intake", ".tmp");
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
