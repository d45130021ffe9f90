package dev.codeartifact.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fallback}: local-repository files served behind the same authentication as everything else. */
class StandInFallbackTest {
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/"
            + "codeartifact/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0123456789abcdef".repeat(4);

    @TempDir
    Path data;
    @TempDir
    Path repos;

    private StandIn standIn;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        standIn = StandIn.start(0, data);
        base = "http://127.0.0.1:" + standIn.port();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void servesLocalRepositoryFilesOnlyWhenAuthenticated() throws Exception {
        Path one = Files.createDirectories(repos.resolve("default/org/example/tool/1.0"));
        Files.writeString(one.resolve("tool-1.0.pom"), "<project/>");
        Files.writeString(one.resolve("_remote.repositories"), "x");
        Files.writeString(one.getParent().resolve("maven-metadata-central.xml"), "<metadata/>");
        standIn.addFallback(repos.resolve("default"), false);
        String auth = basic(token());

        assertEquals(401, get("/maven/mirror/org/example/tool/1.0/tool-1.0.pom", null).statusCode());
        HttpResponse<String> r = get("/maven/mirror/org/example/tool/1.0/tool-1.0.pom", auth);
        assertEquals(200, r.statusCode());
        assertEquals("<project/>", r.body());
        assertEquals(sha1("<project/>"), get("/maven/mirror/org/example/tool/1.0/tool-1.0.pom.sha1", auth).body());
        assertEquals("<metadata/>", get("/maven/mirror/org/example/tool/maven-metadata.xml", auth).body());
        assertEquals(404, get("/maven/mirror/org/example/tool/1.0/_remote.repositories", auth).statusCode());
        assertEquals(404, get("/maven/mirror/org/example/other/1.0/other-1.0.pom", auth).statusCode());
    }

    @Test
    void parentFolderIsScannedAtRequestTime() throws Exception {
        standIn.addFallback(repos, true);
        String auth = basic(token());
        assertEquals(404, get("/maven/mirror/org/example/late/1.0/late-1.0.pom", auth).statusCode());
        Path late = Files.createDirectories(repos.resolve("m400/org/example/late/1.0"));
        Files.writeString(late.resolve("late-1.0.pom"), "<project>late</project>");
        assertEquals("<project>late</project>", get("/maven/mirror/org/example/late/1.0/late-1.0.pom", auth).body());
    }

    private String token() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/authorization-token?domain=fallback"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", SIGV4).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"authorizationToken\":\"([^\"]+)\"").matcher(r.body());
        m.find();
        return m.group(1);
    }

    private static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1(String s) {
        return StandIn.hex(StandIn.digest("SHA-1", s.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
