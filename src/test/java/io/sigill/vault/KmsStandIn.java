package io.sigill.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the AWS KMS JSON API (GenerateDataKey, Decrypt, ReEncrypt) on loopback, since
 * KMS cannot run here. Like KMS, it wraps under a master key that never leaves it, and refuses a
 * blob presented under the wrong key id.
 */
final class KmsStandIn implements AutoCloseable {

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final byte[] masterKey = new byte[32];
  final List<String> operations = new CopyOnWriteArrayList<>();

  KmsStandIn() throws IOException {
    random.nextBytes(masterKey);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode request = json.readTree(exchange.getRequestBody());
    String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
    operations.add(operation);
    ObjectNode response = json.createObjectNode();
    int status = 200;
    try {
      switch (operation) {
        case "GenerateDataKey" -> {
          String keyId = arn(request.get("KeyId").asText());
          byte[] dataKey = new byte[request.path("KeySpec").asText().equals("AES_256") ? 32 : 16];
          random.nextBytes(dataKey);
          response.put("KeyId", keyId).put("Plaintext", b64(dataKey)).put("CiphertextBlob", b64(wrap(keyId, dataKey)));
        }
        case "Decrypt" -> {
          String keyId = arn(request.get("KeyId").asText());
          byte[] plain = unwrap(keyId, Base64.getDecoder().decode(request.get("CiphertextBlob").asText()));
          response.put("KeyId", keyId).put("Plaintext", b64(plain)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        }
        case "ReEncrypt" -> {
          String source = arn(request.get("SourceKeyId").asText());
          String destination = arn(request.get("DestinationKeyId").asText());
          byte[] plain = unwrap(source, Base64.getDecoder().decode(request.get("CiphertextBlob").asText()));
          response.put("KeyId", destination).put("SourceKeyId", source)
              .put("CiphertextBlob", b64(wrap(destination, plain)));
        }
        default -> {
          status = 400;
          response.put("__type", "UnsupportedOperationException").put("message", operation);
        }
      }
    } catch (GeneralSecurityException e) {
      status = 400;
      response.put("__type", "InvalidCiphertextException").put("message", "cannot decrypt");
    }
    byte[] body = json.writeValueAsBytes(response);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String arn(String keyId) {
    return keyId.startsWith("arn:") ? keyId : "arn:aws:kms:us-east-1:000000000000:key/" + keyId;
  }

  private byte[] wrap(String keyId, byte[] plain) throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = c.doFinal(plain);
    return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
  }

  private byte[] unwrap(String keyId, byte[] blob) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, blob, 0, 12));
    c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return c.doFinal(blob, 12, blob.length - 12);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
