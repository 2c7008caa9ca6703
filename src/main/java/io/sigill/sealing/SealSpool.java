package io.sigill.sealing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A PDF of the seal (the upload, the stamped revision, the sealed result): written once, then read
 * back. Kept in memory up to a limit and moved to a temporary file beyond it, so a typical document
 * never touches the disk and a large one does not need its size in heap.
 */
final class SealSpool implements Closeable {

  /** Documents up to this size stay in memory (the default upload limit is 25 MiB). */
  static final int DEFAULT_MEMORY_LIMIT = 16 * 1024 * 1024;

  private final String prefix;
  private final int memoryLimit;
  private byte[] memory;
  private int count;
  private Path file;
  private OutputStream fileOut;
  private boolean closedForWriting;

  /** @param expectedSize a hint for the first in-memory buffer (at most the memory limit is allocated) */
  SealSpool(String prefix, int memoryLimit, long expectedSize) {
    this.prefix = prefix;
    this.memoryLimit = memoryLimit;
    this.memory = new byte[(int) Math.max(8192, Math.min(expectedSize, memoryLimit))];
  }

  /** Where to write the content, once; closing it (or {@link #read()}) ends the writing. */
  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        append(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        if (fileOut != null) {
          fileOut.flush();
        }
      }

      @Override
      public void close() throws IOException {
        finishWriting();
      }
    };
  }

  private void append(byte[] b, int off, int len) throws IOException {
    if (closedForWriting) {
      throw new IOException("The spool was already read");
    }
    if (fileOut == null && (long) count + len > memoryLimit) {
      spill();
    }
    if (fileOut != null) {
      fileOut.write(b, off, len);
      return;
    }
    if (count + len > memory.length) {
      memory = Arrays.copyOf(memory, (int) Math.min(memoryLimit, Math.max((long) memory.length * 2, count + len)));
    }
    System.arraycopy(b, off, memory, count, len);
    count += len;
  }

  private void spill() throws IOException {
    file = Files.createTempFile(prefix, ".pdf");
    fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    fileOut.write(memory, 0, count);
    memory = null;
  }

  private void finishWriting() throws IOException {
    if (!closedForWriting) {
      closedForWriting = true;
      if (fileOut != null) {
        fileOut.close();
      }
    }
  }

  /** Whether the content went to a temporary file (it outgrew the memory limit). */
  boolean onDisk() {
    return file != null;
  }

  /** The temporary file, or null while the content is in memory. */
  Path file() {
    return file;
  }

  long size() throws IOException {
    return file != null ? Files.size(file) : count;
  }

  /** The content as a stream, for as many readers as needed until the spool is closed. */
  InputStream open() throws IOException {
    finishWriting();
    if (file != null) {
      return Files.newInputStream(file);
    }
    if (memory == null) {
      throw new IOException("The spool was closed");
    }
    return new ByteArrayInputStream(memory, 0, count);
  }

  /** The content as PDFBox reads it; the caller closes it (PDFBox does when it closes the document). */
  RandomAccessRead read() throws IOException {
    finishWriting();
    if (file != null) {
      return new RandomAccessReadBufferedFile(file);
    }
    if (memory == null) {
      throw new IOException("The spool was closed");
    }
    return new RandomAccessReadBuffer(ByteBuffer.wrap(memory, 0, count).slice());
  }

  @Override
  public void close() throws IOException {
    try {
      finishWriting();
    } finally {
      memory = null;
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }
}
