package dev.codeartifact.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class StandInTest {

    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/"
            + "codeartifact/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0123456789abcdef".repeat(4);
    private static final String POM_PATH = "dev/codeartifact/protected/lib-a/1.0/lib-a-1.0.pom";
    private static final String JAR_PATH = "dev/codeartifact/protected/lib-a/1.0/lib-a-1.0.jar";
    private static final Pattern TOKEN_JSON = Pattern.compile(
            "\\{\"authorizationToken\":\"([A-Za-z0-9_-]+)\",\"expiration\":([0-9.E]+)}");

    @TempDir
    Path data;

    private StandIn standIn;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        standIn = StandIn.start(0, data);
        base = "http://127.0.0.1:" + standIn.port();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    // ------------------------------------------------------------------ token API

    @Test
    void tokenRequestNeedsSigV4Header() throws Exception {
        HttpResponse<String> r = send(tokenRequest("my-domain", null).build());
        assertEquals(403, r.statusCode());
        assertEquals(Optional.of("MissingAuthenticationTokenException"), r.headers().firstValue("x-amzn-ErrorType"));
        assertEquals("{\"message\":\"Missing Authentication Token\"}", r.body());

        r = send(tokenRequest("my-domain", null).header("Authorization", "AWS4-HMAC-SHA256 nonsense").build());
        assertEquals(403, r.statusCode());

        r = send(tokenRequest("my-domain", null)
                .header("Authorization", SIGV4.replace("AKIAIOSFODNN7EXAMPLE", StandIn.REJECTED_ACCESS_KEY)).build());
        assertEquals(403, r.statusCode());
        assertEquals(Optional.of("UnrecognizedClientException"), r.headers().firstValue("x-amzn-ErrorType"));
        assertEquals(3, standIn.tokenRequestCount("my-domain"));
        assertTrue(standIn.issuedTokens().isEmpty());
    }

    @Test
    void signaturesOfTheTestKeyAreVerified() throws Exception {
        // Well-formed, but not the signature the test key's secret gives: refused as AWS would.
        HttpResponse<String> r = send(tokenRequest("my-domain", null)
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", SIGV4.replace("AKIAIOSFODNN7EXAMPLE", StandIn.SIGNING_ACCESS_KEY)).build());
        assertEquals(403, r.statusCode());
        assertEquals(Optional.of("SignatureDoesNotMatch"), r.headers().firstValue("x-amzn-ErrorType"));
        assertTrue(standIn.issuedTokens().isEmpty());
    }

    @Test
    void issuesToken() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> r = send(tokenRequest("my-domain", "111122223333").header("Authorization", SIGV4).build());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = TOKEN_JSON.matcher(r.body());
        assertTrue(m.matches(), r.body());
        String token = m.group(1);
        assertTrue(token.length() >= 1000, "token length " + token.length());
        double expiration = Double.parseDouble(m.group(2));
        assertEquals(before / 1000.0 + 43200, expiration, 5.0);
        assertEquals(1, standIn.tokenRequestCount("my-domain"));
        assertEquals(List.of(token), standIn.issuedTokens());
        assertEquals("1\n", get("/_standin/count?domain=my-domain").body());
        assertEquals("0\n", get("/_standin/count?domain=other").body());
        assertEquals("1\n", get("/_standin/count").body());
        assertEquals(token + "\n", get("/_standin/tokens").body());
        assertEquals(token + "\n", Files.readString(data.resolve("issued-tokens.txt")));

        // duration 0 = one hour; a second token differs from the first
        r = send(HttpRequest.newBuilder(URI.create(base + "/v1/authorization-token?domain=my-domain&duration=0"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", SIGV4).build());
        m = TOKEN_JSON.matcher(r.body());
        assertTrue(m.matches(), r.body());
        assertFalse(m.group(1).equals(token));
        assertEquals(System.currentTimeMillis() / 1000.0 + 3600, Double.parseDouble(m.group(2)), 5.0);

        // the log never carries tokens
        String log = Files.readString(data.resolve("standin.log"));
        assertFalse(log.contains(token));
        assertTrue(log.contains("POST /v1/authorization-token?domain=my-domain"), log);
    }

    @Test
    void validatesParameters() throws Exception {
        assertValidation("/v1/authorization-token", "'domain'");
        assertValidation("/v1/authorization-token?domain=Bad_Domain", "'domain'");
        assertValidation("/v1/authorization-token?domain=ok-domain&domain-owner=123", "'domainOwner'");
        assertValidation("/v1/authorization-token?domain=ok-domain&duration=100", "'durationSeconds'");
        assertValidation("/v1/authorization-token?domain=ok-domain&duration=43201", "'durationSeconds'");
        assertValidation("/v1/authorization-token?domain=ok-domain&duration=abc", "'durationSeconds'");
    }

    private void assertValidation(String pathAndQuery, String field) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", SIGV4).build());
        assertEquals(400, r.statusCode(), pathAndQuery);
        assertEquals(Optional.of("ValidationException"), r.headers().firstValue("x-amzn-ErrorType"));
        assertTrue(r.body().contains(field), r.body());
    }

    @Test
    void throttlesThenSucceeds() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = signedToken("throttle3-ci");
            assertEquals(429, r.statusCode());
            assertEquals(Optional.of("ThrottlingException"), r.headers().firstValue("x-amzn-ErrorType"));
            assertEquals(Optional.of("1"), r.headers().firstValue("Retry-After"));
        }
        assertEquals(200, signedToken("throttle3-ci").statusCode());
        assertEquals(4, standIn.tokenRequestCount("throttle3-ci"));
    }

    @Test
    void faultInjection() throws Exception {
        assertEquals(500, signedToken("error500x2-a").statusCode());
        assertEquals(500, signedToken("error500x2-a").statusCode());
        assertEquals(200, signedToken("error500x2-a").statusCode());

        HttpResponse<String> r = signedToken("denied-a");
        assertEquals(403, r.statusCode());
        assertEquals(Optional.of("AccessDeniedException"), r.headers().firstValue("x-amzn-ErrorType"));
        assertTrue(r.body().contains("is not authorized to perform: codeartifact:GetAuthorizationToken"));

        r = signedToken("missing-a");
        assertEquals(404, r.statusCode());
        assertEquals(Optional.of("ResourceNotFoundException"), r.headers().firstValue("x-amzn-ErrorType"));

        r = signedToken("garbage-a");
        assertEquals(200, r.statusCode());
        assertEquals("<html>this is not json</html>", r.body());

        r = signedToken("notoken-a");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("authorizationToken"));
        assertTrue(r.body().contains("\"expiration\":"));

        r = signedToken("expired-a");
        Matcher m = TOKEN_JSON.matcher(r.body());
        assertTrue(m.matches());
        assertTrue(Double.parseDouble(m.group(2)) < System.currentTimeMillis() / 1000.0 - 3000);
        assertEquals(401, repoGet("repo", POM_PATH, m.group(1)).statusCode());

        r = signedToken("ttl5-a");
        m = TOKEN_JSON.matcher(r.body());
        assertTrue(m.matches());
        assertEquals(System.currentTimeMillis() / 1000.0 + 5, Double.parseDouble(m.group(2)), 2.0);
    }

    // ------------------------------------------------------------------ repositories

    @Test
    void repositoryNeedsToken() throws Exception {
        HttpResponse<String> r = repoGet("repo", POM_PATH, null);
        assertEquals(401, r.statusCode());
        assertEquals(Optional.of("Basic realm=\"codeartifact-standin\""), r.headers().firstValue("WWW-Authenticate"));

        r = repoGet("repo", POM_PATH, "not-a-token");
        assertEquals(401, r.statusCode());

        r = repoGet("nochallenge-repo", POM_PATH, null);
        assertEquals(401, r.statusCode());
        assertNull(r.headers().firstValue("WWW-Authenticate").orElse(null));

        String token = token("my-domain");
        r = repoGet("repo", POM_PATH, token);
        assertEquals(200, r.statusCode());
        Document pom = parseXml(r.body());
        assertEquals("dev.codeartifact.protected", text(pom, "groupId"));
        assertEquals("lib-a", text(pom, "artifactId"));
        assertEquals("1.0", text(pom, "version"));
        assertEquals("jar", text(pom, "packaging"));

        assertEquals(StandIn.hex(StandIn.digest("SHA-1", r.body().getBytes(StandardCharsets.UTF_8))),
                repoGet("repo", POM_PATH + ".sha1", token).body());
        assertEquals(404, repoGet("repo", "dev/codeartifact/protected/lib-a/maven-metadata.xml", token).statusCode());
        assertEquals(404, repoGet("repo", "org/example/x/1/x-1.pom", token).statusCode());

        List<String> lines = standIn.requests("repo");
        assertEquals("GET 401 /maven/repo/" + POM_PATH, lines.get(0));
        assertEquals(2, standIn.unauthorizedCount("repo"));
        assertTrue(get("/_standin/requests?repo=repo").body().startsWith("GET 401 /maven/repo/" + POM_PATH + "\n"));
        assertFalse(get("/_standin/requests?repo=repo").body().contains(token));
        assertTrue(get("/_standin/stats").body().contains("repo.repo.401 2\n"));
        assertFalse(Files.readString(data.resolve("standin.log")).contains(token));
    }

    @Test
    void parentAndBomPoms() throws Exception {
        String token = token("my-domain");
        Document parent = parseXml(repoGet("repo",
                "dev/codeartifact/protected/deep/parent-x/2.0/parent-x-2.0.pom", token).body());
        assertEquals("dev.codeartifact.protected.deep", text(parent, "groupId"));
        assertEquals("pom", text(parent, "packaging"));
        assertEquals("parent-x", text(parent, "protected.parent"));

        Document bom = parseXml(repoGet("repo", "dev/codeartifact/protected/bom-y/3.0/bom-y-3.0.pom", token).body());
        assertEquals("pom", text(bom, "packaging"));
        assertEquals("lib-bom-y", bom.getElementsByTagName("artifactId").item(1).getTextContent());
    }

    @Test
    void jarDownloadsRedirectToS3() throws Exception {
        String token = token("my-domain");
        HttpResponse<byte[]> r = http.send(repoRequest("repo", JAR_PATH, token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(307, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        // another origin than the repository, like S3
        assertTrue(location.startsWith("http://127.0.0.1:" + standIn.s3Port() + "/_s3/repo/" + JAR_PATH + "?"), location);
        assertTrue(location.contains("X-Amz-Signature="), location);
        // the main port serves /_s3 too; the S3 port serves nothing else
        assertEquals(200, get(location.replace(":" + standIn.s3Port() + "/", ":" + standIn.port() + "/")
                .substring(base.length())).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standIn.s3Port()
                + "/maven/repo/" + POM_PATH)).header("Authorization", basic(token)).build()).statusCode());

        HttpResponse<byte[]> s3 = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, s3.statusCode());
        byte[] jar = s3.body();
        assertArrayEquals(StandIn.jar("dev.codeartifact.protected", "lib-a", "1.0"), jar);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry e1 = zip.getNextEntry();
            assertEquals("META-INF/MANIFEST.MF", e1.getName());
            ZipEntry e2 = zip.getNextEntry();
            assertEquals("lib-a.txt", e2.getName());
        }

        HttpResponse<String> withAuth = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", basic(token)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, withAuth.statusCode());
        assertTrue(withAuth.body().contains("Only one auth mechanism allowed"));

        HttpResponse<Void> head = http.send(repoRequest("repo", JAR_PATH, token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(Optional.of(Integer.toString(jar.length)), head.headers().firstValue("Content-Length"));

        assertEquals(StandIn.hex(StandIn.digest("SHA-256", jar)),
                repoGet("repo", JAR_PATH + ".sha256", token).body());
        assertTrue(standIn.requests("repo").contains("GET 400 /_s3/repo/" + JAR_PATH));
    }

    @Test
    void putThenGet() throws Exception {
        String token = token("my-domain");
        String path = "org/example/app/1.0/app-1.0.pom";
        HttpRequest put = repoRequest("repo", path, null)
                .PUT(HttpRequest.BodyPublishers.ofString("<project/>")).build();
        assertEquals(401, send(put).statusCode());
        put = repoRequest("repo", path, token).PUT(HttpRequest.BodyPublishers.ofString("<project/>")).build();
        assertEquals(201, send(put).statusCode());
        assertEquals("<project/>", repoGet("repo", path, token).body());
        assertEquals("<project/>", Files.readString(data.resolve("repos/repo/" + path)));

        HttpRequest seed = HttpRequest.newBuilder(URI.create(base + "/seed/repo/org/example/maven-metadata.xml"))
                .PUT(HttpRequest.BodyPublishers.ofString("<metadata/>")).build();
        assertEquals(201, send(seed).statusCode());
        assertEquals("<metadata/>", repoGet("repo", "org/example/maven-metadata.xml", token).body());
        assertEquals(StandIn.hex(StandIn.digest("MD5", "<metadata/>".getBytes(StandardCharsets.UTF_8))),
                repoGet("repo", "org/example/maven-metadata.xml.md5", token).body());
    }

    @Test
    void hostAndPathMustMatchTokenDomain() throws Exception {
        String token = token("my-domain", "111122223333");
        String host = "my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com:" + standIn.port();
        assertEquals(200, rawGet("/maven/repo/" + POM_PATH, host, token));
        assertEquals(401, rawGet("/maven/repo/" + POM_PATH,
                "other-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com", token));
        assertEquals(401, rawGet("/maven/repo/" + POM_PATH,
                "my-domain-444455556666.d.codeartifact.us-east-1.amazonaws.com", token));
        // VPC endpoint form carries the domain in the path
        assertEquals(200, repoGet("d/my-domain-111122223333/repo", POM_PATH, token).statusCode());
        assertEquals(401, repoGet("d/other-domain-111122223333/repo", POM_PATH, token).statusCode());
        assertEquals(2, standIn.requests("repo").stream().filter(l -> l.contains("/maven/d/")).count());
    }

    @Test
    void expireEndpointInvalidatesTokens() throws Exception {
        String token = token("exp-domain");
        assertEquals(200, repoGet("repo", POM_PATH, token).statusCode());
        assertEquals("1\n", get("/_standin/expire?domain=exp-domain").body());
        assertEquals(401, repoGet("repo", POM_PATH, token).statusCode());
    }

    @Test
    void slowRequestStopsOnClose() throws Exception {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ignored) {
                // fine
            }
            standIn.close();
        });
        closer.start();
        long t0 = System.nanoTime();
        try {
            signedToken("slow-a");
        } catch (IOException expected) {
            // server went away mid-request
        }
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void mainWritesPortFileAndShutsDown() throws Exception {
        Path portFile = data.resolve("run/port");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandIn.class.getName(),
                "--port", "0", "--data", data.resolve("cli").toString(), "--port-file", portFile.toString())
                .redirectErrorStream(true).start();
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(portFile) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile));
            String line = new String(p.getInputStream().readNBytes(40), StandardCharsets.UTF_8);
            assertEquals("CodeArtifact stand-in listening on http", line.substring(0, 39));
            HttpResponse<String> r = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/_standin/shutdown")).build());
            assertEquals(200, r.statusCode());
            assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ proxy

    @Test
    void proxyForwardsAndCounts() throws Exception {
        Path countFile = data.resolve("proxy-count");
        try (CountingProxy proxy = CountingProxy.start(0, null, countFile)) {
            assertEquals("0", Files.readString(countFile));
            HttpClient viaProxy = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build();
            HttpResponse<String> r = viaProxy.send(tokenRequest("proxied", null).header("Authorization", SIGV4).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(TOKEN_JSON.matcher(r.body()).matches());
            assertEquals(1, standIn.tokenRequestCount("proxied"));
            assertEquals(1, proxy.count());
            assertEquals("1", Files.readString(countFile));

            // PUT with a body through the proxy
            String token = standIn.issuedTokens().get(0);
            r = viaProxy.send(repoRequest("repo", "x/y.txt", token)
                    .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode());
            assertEquals("hello", Files.readString(data.resolve("repos/repo/x/y.txt")));

            // CONNECT tunnel, then plain HTTP inside it
            try (Socket s = new Socket("127.0.0.1", proxy.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("CONNECT 127.0.0.1:" + standIn.port() + " HTTP/1.1\r\nHost: 127.0.0.1:" + standIn.port()
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = s.getInputStream();
                assertTrue(readHead(in).startsWith("HTTP/1.1 200"));
                out.write(("GET /_standin/count HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String resp = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(resp.startsWith("HTTP/1.1 200"), resp);
                assertTrue(resp.endsWith("\r\n1\n"), resp);
            }
            assertEquals(3, proxy.count());
            assertEquals("3", Files.readString(countFile));
        }
    }

    @Test
    void proxyRequiresAuthWhenConfigured() throws Exception {
        try (CountingProxy proxy = CountingProxy.start(0, "user:secret", null)) {
            try (Socket s = new Socket("127.0.0.1", proxy.port())) {
                s.getOutputStream().write(("GET " + base + "/_standin/count HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String resp = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(resp.startsWith("HTTP/1.1 407"), resp);
                assertTrue(resp.contains("Proxy-Authenticate: Basic realm=\"proxy\""), resp);
            }
            try (Socket s = new Socket("127.0.0.1", proxy.port())) {
                String auth = Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().write(("GET " + base + "/_standin/count HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Proxy-Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String resp = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(resp.startsWith("HTTP/1.1 200"), resp);
            }
            assertEquals(2, proxy.count());
            assertEquals(1, proxy.forwardedCount());
        }
    }

    // ------------------------------------------------------------------ --fallback: local-repository files
    // served behind the same authentication as everything else

    @Test
    void servesLocalRepositoryFilesOnlyWhenAuthenticated(@TempDir Path repos) throws Exception {
        Path one = Files.createDirectories(repos.resolve("default/org/example/tool/1.0"));
        Files.writeString(one.resolve("tool-1.0.pom"), "<project/>");
        Files.writeString(one.resolve("_remote.repositories"), "x");
        Files.writeString(one.getParent().resolve("maven-metadata-central.xml"), "<metadata/>");
        standIn.addFallback(repos.resolve("default"), false);
        String token = token("fallback");

        assertEquals(401, repoGet("mirror", "org/example/tool/1.0/tool-1.0.pom", null).statusCode());
        HttpResponse<String> r = repoGet("mirror", "org/example/tool/1.0/tool-1.0.pom", token);
        assertEquals(200, r.statusCode());
        assertEquals("<project/>", r.body());
        assertEquals(StandIn.hex(StandIn.digest("SHA-1", "<project/>".getBytes(StandardCharsets.UTF_8))),
                repoGet("mirror", "org/example/tool/1.0/tool-1.0.pom.sha1", token).body());
        assertEquals("<metadata/>", repoGet("mirror", "org/example/tool/maven-metadata.xml", token).body());
        assertEquals(404, repoGet("mirror", "org/example/tool/1.0/_remote.repositories", token).statusCode());
        assertEquals(404, repoGet("mirror", "org/example/other/1.0/other-1.0.pom", token).statusCode());
    }

    @Test
    void fallbackParentFolderIsScannedAtRequestTime(@TempDir Path repos) throws Exception {
        standIn.addFallback(repos, true);
        String token = token("fallback");
        assertEquals(404, repoGet("mirror", "org/example/late/1.0/late-1.0.pom", token).statusCode());
        Path late = Files.createDirectories(repos.resolve("m400/org/example/late/1.0"));
        Files.writeString(late.resolve("late-1.0.pom"), "<project>late</project>");
        assertEquals("<project>late</project>", repoGet("mirror", "org/example/late/1.0/late-1.0.pom", token).body());
    }

    // ------------------------------------------------------------------ helpers

    private HttpRequest.Builder tokenRequest(String domain, String owner) {
        String q = "?domain=" + domain + (owner == null ? "" : "&domain-owner=" + owner) ;
        return HttpRequest.newBuilder(URI.create(base + "/v1/authorization-token" + q))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> signedToken(String domain) throws Exception {
        return send(tokenRequest(domain, null).header("Authorization", SIGV4).build());
    }

    private String token(String domain) throws Exception {
        return token(domain, null);
    }

    private String token(String domain, String owner) throws Exception {
        HttpResponse<String> r = send(tokenRequest(domain, owner).header("Authorization", SIGV4).build());
        Matcher m = TOKEN_JSON.matcher(r.body());
        assertTrue(m.matches(), r.body());
        return m.group(1);
    }

    private HttpRequest.Builder repoRequest(String repo, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/maven/" + repo + "/" + path));
        if (token != null) {
            b.header("Authorization", basic(token));
        }
        return b;
    }

    private HttpResponse<String> repoGet(String repo, String path, String token) throws Exception {
        return send(repoRequest(repo, path, token).build());
    }

    private static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** java.net.http refuses to set Host, so this one goes over a raw socket. */
    private int rawGet(String path, String host, String token) throws IOException {
        try (Socket s = new Socket("127.0.0.1", standIn.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                    + basic(token) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(s.getInputStream());
            return Integer.parseInt(head.split(" ")[1]);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String tag) {
        assertNotNull(d.getElementsByTagName(tag).item(0), tag);
        return d.getElementsByTagName(tag).item(0).getTextContent();
    }
}
