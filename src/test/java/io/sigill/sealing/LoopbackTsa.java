package io.sigill.sealing;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** An RFC 3161 time-stamp authority of BouncyCastle served over HTTP on loopback, for tests. */
final class LoopbackTsa implements AutoCloseable {

  private final HttpServer server;
  private final TimeStampResponseGenerator responses;
  private final AtomicLong serial = new AtomicLong(1);
  final AtomicInteger requests = new AtomicInteger();

  LoopbackTsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Loopback TSA,O=Sigill tests");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic());
    builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pair.getPrivate(), certificate),
        new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
    responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tsa", exchange -> {
      requests.incrementAndGet();
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        byte[] answer = responses.generate(new TimeStampRequest(in.readAllBytes()),
            BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, answer.length);
        out.write(answer);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  @Override
  public void close() {
    server.stop(0);
  }

}
