package io.sigill.vault;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock as a real S3-compatible server in a separate process ({@code java -jar} on its
 * exec jar, which Maven copies to target/s3mock), on free loopback ports. One per test JVM,
 * started on first use and stopped when the JVM exits.
 */
final class S3MockServer {

  private static S3MockServer shared;

  private final Process process;
  private final int port;
  final Path storeRoot;

  private S3MockServer() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("sigill.s3mock-jar", "target/s3mock/s3mock-exec.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("S3Mock jar missing at " + jar + ": run the tests through Maven (./mvnw test)");
    }
    port = freePort();
    int httpsPort = freePort();
    storeRoot = Files.createTempDirectory("sigill-s3mock");
    Path log = storeRoot.resolveSibling(storeRoot.getFileName() + ".log");
    process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString(),
            "--http.port=" + port, "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + httpsPort, "--server.address=127.0.0.1",
            "--com.adobe.testing.s3mock.store.root=" + storeRoot,
            "--com.adobe.testing.s3mock.store.retain-files-on-exit=false")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    awaitReady(log);
  }

  static synchronized S3MockServer shared() {
    if (shared == null) {
      try {
        shared = new S3MockServer();
      } catch (IOException e) {
        throw new IllegalStateException("Could not start S3Mock", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  private void awaitReady(Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    process.destroy();
    throw new IllegalStateException("S3Mock did not start in 90 s: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
