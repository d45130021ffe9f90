package dev.codeartifact.standin;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Local stand-in for AWS CodeArtifact: the {@code GetAuthorizationToken} API plus Maven repository endpoints,
 * with fault injection driven by the domain name. JDK only (com.sun.net.httpserver), test sources only.
 *
 * <pre>
 * java -cp target/test-classes dev.codeartifact.standin.StandIn --port 0 --data DIR [--port-file FILE] [--bind 127.0.0.1]
 *     [--fallback LOCAL-REPO]... [--fallback-parent DIR]...
 * </pre>
 * Prints {@code CodeArtifact stand-in listening on http://127.0.0.1:PORT (data DIR)} (then one informational line
 * about the S3 port) and, once listening, writes PORT (digits, no newline) atomically to the port file. Runs until
 * {@code GET /_standin/shutdown} (process exits 0) or kill. Programmatic: {@link #start(int, Path)}.
 *
 * <h2>Token API</h2>
 * {@code POST /v1/authorization-token?domain=D[&domain-owner=O][&duration=N]} needs a SigV4-shaped Authorization
 * header: requests signed with access key {@value #SIGNING_ACCESS_KEY} (the tests' and ITs' credentials) must carry
 * the SigV4 signature its secret gives ({@code SignatureDoesNotMatch} otherwise), so a client's wire format is
 * checked like AWS checks it; other keys are checked by regex only (scripts with curl); access key
 * {@value #REJECTED_ACCESS_KEY} is rejected. It validates the parameters
 * like the service, and answers {@code {"authorizationToken":"...","expiration":1.7000432E9}}. Errors are
 * {@code {"message":"..."}} with {@code x-amzn-ErrorType}. Fault injection by domain prefix: {@code throttleN-},
 * {@code error500xN-}, {@code denied-}, {@code missing-}, {@code garbage-}, {@code notoken-}, {@code expired-},
 * {@code slow-} (60 s), {@code ttlN-},
 * {@code revokedfirst-} (the domain's first token is issued revoked: repositories answer it 401). Issued tokens are appended to {@code DATA/issued-tokens.txt}.
 *
 * <h2>STS</h2>
 * {@code POST /} ({@code AWS_ENDPOINT_URL_STS=http://127.0.0.1:PORT}): {@code AssumeRoleWithWebIdentity} and
 * {@code AssumeRole}, see {@link StandInSts}. Token requests signed with an {@code ASIA...} key must carry a
 * signature and {@code X-Amz-Security-Token} of session credentials it issued (or its fixed environment session),
 * else 403 {@code UnrecognizedClientException}.
 *
 * <h2>Repositories</h2>
 * {@code /maven/REPO/PATH} and {@code /maven/d/DOMAIN-OWNER/REPO/PATH}: Basic {@code aws:TOKEN} with an issued,
 * unexpired token (bound to the domain named by a CodeArtifact-style Host header or the VPC path form); 401 with
 * a challenge, none for repositories named {@code nochallenge*}. GET/HEAD serve {@code DATA/repos/REPO/PATH},
 * else synthetic POMs/jars under {@code dev/codeartifact/protected/}, else checksums of either. GET of a jar
 * answers 307 to {@code http://HOST:S3PORT/_s3/REPO/PATH?...X-Amz-Signature=...}: HOST from the Host header,
 * S3PORT a second listener (another origin, as with real S3) that serves only {@code /_s3/} (the main port serves
 * {@code /_s3/} too); {@code /_s3/} needs no auth and answers 400 when an Authorization header is present.
 * PUT stores (201); {@code PUT /seed/REPO/PATH} stores without auth. With {@code --fallback DIR} (a Maven local
 * repository, repeatable) or {@code --fallback-parent DIR} (each subfolder is one), every other path is served from
 * there after authentication: for builds whose {@code mirrorOf *} mirror sends all downloads to the stand-in.
 *
 * <h2>Control (GET, no auth, text/plain)</h2>
 * {@code /_standin/health}, {@code /_standin/count[?domain=D]}, {@code /_standin/tokens},
 * {@code /_standin/requests?repo=R} (lines {@code METHOD STATUS PATH}), {@code /_standin/requests-by-token?domain=D}
 * (lines {@code METHOD STATUS PATH #N} of the repository requests that presented the N-th token issued for D),
 * {@code /_standin/unauthorized?repo=R},
 * {@code /_standin/stats}, {@code /_standin/expire?domain=D}, {@code /_standin/shutdown}, {@code /_standin/sts}
 * (lines {@code ACTION STATUS ROLE}), {@code /_standin/signers?domain=D} (per token request: {@code static},
 * {@code env-session}, {@code web-identity} or {@code assume-role}).
 *
 * <h2>HTTPS</h2>
 * With {@code --tls-port N} the same API and repositories are also served over HTTPS on 127.0.0.1:N, with a
 * certificate issued (SAN {@code IP:127.0.0.1}, {@code DNS:localhost}) by a test CA that {@code keytool}
 * generates at first start into {@code DATA/tls/} (nothing checked in): {@code DATA/tls/ca.pem} is the CA
 * certificate to trust (for {@code codeartifact.caBundle}). {@code /_standin/proxy-authorization[?domain=D]}
 * counts the requests (token requests for D) that arrived carrying a {@code Proxy-Authorization} header:
 * proxy credentials must never reach the API host. The header's value is never kept.
 *
 * <p>{@code DATA/standin.log} gets one line per request (time, method, path, status; the query only for the token
 * and control APIs) and never a header value or token.
 *
 * <p>The code deliberately sticks to the Java 8 API so it compiles whatever release the test sources use.
 */
public final class StandIn implements AutoCloseable {

    static final String TOKEN_PATH = "/v1/authorization-token";
    static final String REJECTED_ACCESS_KEY = "AKIAREJECTEDKEY00000";
    /** The access key whose signatures are verified, and its secret (the ITs' and unit tests' credentials). */
    public static final String SIGNING_ACCESS_KEY = "AKIASTANDINTEST00000";
    static final String SIGNING_SECRET_KEY = "standin-secret-key-not-a-real-one";
    static final String REALM = "codeartifact-standin";

    static final Pattern SIGV4 = Pattern.compile(
            "^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})/(\\d{8})/([a-z0-9-]+)/codeartifact/aws4_request,"
                    + " ?SignedHeaders=([A-Za-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$");
    static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9-]{0,48}[a-z0-9]");
    static final Pattern OWNER = Pattern.compile("[0-9]{12}");
    static final Pattern CODEARTIFACT_HOST = Pattern.compile(
            "^([a-z][a-z0-9-]{0,48}[a-z0-9])-([0-9]{12})\\.d\\.codeartifact\\.([a-z0-9-]+)\\.amazonaws\\.com$");
    static final Pattern DOMAIN_OWNER_SEGMENT = Pattern.compile("^([a-z][a-z0-9-]{0,48}[a-z0-9])-([0-9]{12})$");

    static final Pattern THROTTLE = Pattern.compile("^throttle(\\d+)-.*");
    static final Pattern ERROR500 = Pattern.compile("^error500x(\\d+)-.*");
    static final Pattern TTL = Pattern.compile("^ttl(\\d+)-.*");

    static final String SYNTHETIC_GROUP_PATH = "dev/codeartifact/protected/";
    static final long SLOW_MILLIS = 60_000L;

    /** One token handed out by the token API. */
    public static final class IssuedToken {
        private final String token;
        private final String domain;
        private final String owner;
        private final long expiresAtMillis;
        private volatile boolean revoked;

        IssuedToken(String token, String domain, String owner, long expiresAtMillis) {
            this.token = token;
            this.domain = domain;
            this.owner = owner;
            this.expiresAtMillis = expiresAtMillis;
        }

        public String token() { return token; }
        public String domain() { return domain; }
        /** The domain-owner of the token request, or null when the request carried none. */
        public String owner() { return owner; }
        public Instant expiration() { return Instant.ofEpochMilli(expiresAtMillis); }
        public boolean isExpired() { return revoked || System.currentTimeMillis() >= expiresAtMillis; }

        @Override
        public String toString() {
            // never the token itself
            return "IssuedToken[domain=" + domain + ", owner=" + owner + ", expiration=" + expiration() + "]";
        }
    }

    private final HttpServer server;
    /** Second listener for the pre-signed "S3" downloads: a different origin, like real S3. */
    private final HttpServer s3Server;
    /** Optional HTTPS listener (same handler), see {@link #enableTls}. */
    private volatile HttpsServer tlsServer;
    private final AtomicInteger proxyAuthorizationSeen = new AtomicInteger();
    private final Map<String, AtomicInteger> proxyAuthorizationByDomain = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    private final Path dataDir;
    private final Path reposDir;
    private final Path logFile;
    private final Path tokensFile;
    private final SecureRandom random = new SecureRandom();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private final AtomicInteger totalTokenRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> tokenRequestsByDomain = new ConcurrentHashMap<>();
    /** Requests per domain that got past authentication and validation: drives throttleN / error500xN. */
    private final Map<String, AtomicInteger> faultCounters = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final List<IssuedToken> issuedInOrder = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> repoRequests = new ConcurrentHashMap<>();
    /** Per token domain: lines METHOD STATUS PATH #N of repository requests that presented the domain's N-th token. */
    private final Map<String, List<String>> domainRequests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> repoUnauthorized = new ConcurrentHashMap<>();
    private final Object fileLock = new Object();
    private final StandInSts sts = new StandInSts();
    /** Per domain, which kind of credentials signed each token request ({@link StandInSts#signer}). */
    private final Map<String, List<String>> signers = new ConcurrentHashMap<>();
    /** Local-repository folders served (after authentication) for paths nothing else serves. */
    private final List<Path> fallbacks = new CopyOnWriteArrayList<>();
    /** Folders whose subfolders are each such a local repository (looked up at request time). */
    private final List<Path> fallbackParents = new CopyOnWriteArrayList<>();

    private volatile Runnable onShutdownRequest = this::close;

    private StandIn(String bind, int port, Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.reposDir = this.dataDir.resolve("repos");
        this.logFile = this.dataDir.resolve("standin.log");
        this.tokensFile = this.dataDir.resolve("issued-tokens.txt");
        Files.createDirectories(reposDir);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(16, 512, 30, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(), r -> {
            Thread t = new Thread(r, "standin-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.allowCoreThreadTimeOut(false);
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(executor);
        this.s3Server = HttpServer.create(new InetSocketAddress(bind, 0), 128);
        this.s3Server.createContext("/", this::handle);
        this.s3Server.setExecutor(executor);
        this.server.start();
        this.s3Server.start();
    }

    /** Starts a stand-in on 127.0.0.1; {@code port} 0 picks a free port. */
    public static StandIn start(int port, Path dataDir) throws IOException {
        return start("127.0.0.1", port, dataDir);
    }

    public static StandIn start(String bind, int port, Path dataDir) throws IOException {
        return new StandIn(bind, port, dataDir);
    }

    // ------------------------------------------------------------------ programmatic API

    public int port() { return server.getAddress().getPort(); }

    /** Port of the separate listener that jar redirects point to (it serves only /_s3/...). */
    public int s3Port() { return s3Server.getAddress().getPort(); }

    /** {@code http://HOST:PORT} without a trailing slash. */
    public String baseUrl() { return "http://" + hostForUrl() + ":" + port(); }

    /** {@code http://HOST:PORT/maven/REPO/}. */
    public String repositoryUrl(String repo) { return baseUrl() + "/maven/" + repo + "/"; }

    public Path dataDir() { return dataDir; }

    /** Password of the generated test key stores: not a secret (a throw-away key made at build time). */
    static final String TLS_STORE_PASSWORD = "standin-test-only";

    /** {@code DATA/tls/ca.pem}: the test CA certificate that issued the HTTPS listener's certificate. */
    public static Path caPem(Path dataDir) { return dataDir.toAbsolutePath().resolve("tls").resolve("ca.pem"); }

    /**
     * Creates, unless present, a test CA and a server certificate for 127.0.0.1/localhost signed by it in
     * {@code DATA/tls/} with the JDK's keytool: {@code ca.pem} (CA certificate), {@code standin.p12} (server
     * key and chain). Returns the server key store.
     */
    public static Path ensureTlsMaterial(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().resolve("tls");
        Path store = dir.resolve("standin.p12");
        if (Files.isRegularFile(store) && Files.isRegularFile(caPem(dataDir))) {
            return store;
        }
        Files.createDirectories(dir);
        for (String f : new String[] {"ca.p12", "ca.pem", "standin.p12", "server.csr", "server.pem"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        String ca = dir.resolve("ca.p12").toString();
        String pw = TLS_STORE_PASSWORD;
        keytool(dir, "-genkeypair", "-keystore", ca, "-storetype", "PKCS12", "-storepass", pw, "-alias", "ca",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-dname", "CN=CodeArtifact stand-in test CA",
                "-ext", "bc:c");
        keytool(dir, "-exportcert", "-keystore", ca, "-storepass", pw, "-alias", "ca", "-rfc", "-file", "ca.pem");
        keytool(dir, "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", pw,
                "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-dname", "CN=127.0.0.1");
        keytool(dir, "-certreq", "-keystore", store.toString(), "-storepass", pw, "-alias", "server", "-file", "server.csr");
        keytool(dir, "-gencert", "-keystore", ca, "-storepass", pw, "-alias", "ca", "-infile", "server.csr",
                "-outfile", "server.pem", "-rfc", "-validity", "3650", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        keytool(dir, "-importcert", "-noprompt", "-keystore", store.toString(), "-storepass", pw, "-alias", "ca",
                "-file", "ca.pem");
        keytool(dir, "-importcert", "-noprompt", "-keystore", store.toString(), "-storepass", pw, "-alias", "server",
                "-file", "server.pem");
        return store;
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        Collections.addAll(cmd, args);
        Path out = dir.resolve("keytool.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                throw new IOException("keytool " + args[0] + " failed, see " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Serves everything over HTTPS too, on {@code port} (0: a free one), with {@link #ensureTlsMaterial}. */
    public synchronized StandIn enableTls(int port) throws IOException {
        if (tlsServer != null) {
            return this;
        }
        Path store = ensureTlsMaterial(dataDir);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, TLS_STORE_PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, TLS_STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            HttpsServer https = HttpsServer.create(new InetSocketAddress(server.getAddress().getAddress(), port), 128);
            https.setHttpsConfigurator(new HttpsConfigurator(context));
            https.createContext("/", this::handle);
            https.setExecutor(executor);
            https.start();
            tlsServer = https;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e, e);
        }
        return this;
    }

    /** Port of the HTTPS listener, or -1 without {@link #enableTls}. */
    public int tlsPort() {
        HttpsServer t = tlsServer;
        return t == null ? -1 : t.getAddress().getPort();
    }

    /** Requests (token requests for {@code domain}, or all when null) that carried a Proxy-Authorization header. */
    public int proxyAuthorizationCount(String domain) {
        if (domain == null) {
            return proxyAuthorizationSeen.get();
        }
        AtomicInteger n = proxyAuthorizationByDomain.get(domain);
        return n == null ? 0 : n.get();
    }

    /**
     * Serves, after authentication, any repository path that is neither stored nor synthetic from the Maven
     * local repository {@code dir} (for builds whose {@code mirrorOf *} sends every download here). With
     * {@code parent}, every subfolder of {@code dir} is such a local repository, found at request time.
     */
    public StandIn addFallback(Path dir, boolean parent) {
        (parent ? fallbackParents : fallbacks).add(dir.toAbsolutePath().normalize());
        return this;
    }

    public int tokenRequestCount(String domain) {
        AtomicInteger n = tokenRequestsByDomain.get(domain);
        return n == null ? 0 : n.get();
    }

    public int totalTokenRequests() { return totalTokenRequests.get(); }

    /** Every token issued so far, in issue order. */
    public List<String> issuedTokens() {
        List<String> out = new ArrayList<>();
        for (IssuedToken t : issuedInOrder) {
            out.add(t.token());
        }
        return out;
    }

    public List<IssuedToken> issuedTokenDetails() { return new ArrayList<>(issuedInOrder); }

    /** Lines {@code METHOD STATUS PATH} of the repository requests made to {@code repo} (incl. its /_s3 downloads). */
    public List<String> requests(String repo) {
        return snapshot(repoRequests.get(repo));
    }

    /** A copy of a request log the handler threads append to, empty when there is none. */
    private static List<String> snapshot(List<String> log) {
        if (log == null) {
            return Collections.emptyList();
        }
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    public int unauthorizedCount(String repo) {
        AtomicInteger n = repoUnauthorized.get(repo);
        return n == null ? 0 : n.get();
    }

    /** Marks every token issued for {@code domain} as expired; returns how many. */
    public int expireTokens(String domain) {
        int n = 0;
        for (IssuedToken t : issuedInOrder) {
            if (t.domain().equals(domain)) {
                t.revoked = true;
                n++;
            }
        }
        return n;
    }

    /** Stops the server; slow requests stop sleeping. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stopped.countDown();
        server.stop(0);
        s3Server.stop(0);
        HttpsServer t = tlsServer;
        if (t != null) {
            t.stop(0);
        }
        executor.shutdownNow();
        try {
            // Let woken handlers (slow-) finish their log line before a caller deletes the data folder.
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void awaitStop() throws InterruptedException { stopped.await(); }

    // ------------------------------------------------------------------ dispatch

    private void handle(HttpExchange ex) {
        int status = 500;
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = ex.getRequestURI().getPath();
        String logged = path;
        try {
            if (ex.getRequestHeaders().containsKey("Proxy-Authorization")) {
                proxyAuthorizationSeen.incrementAndGet();
            }
            if (ex.getHttpContext().getServer() == s3Server && !path.startsWith("/_s3/")) {
                drain(ex);
                status = s3Error(ex, 404, "NoSuchKey", "The specified key does not exist.");
            } else if (path.equals(TOKEN_PATH)) {
                String q = ex.getRequestURI().getRawQuery();
                logged = q == null ? path : path + "?" + q; // token API query carries no secret
                status = tokenApi(ex, method);
            } else if (path.equals("/") && "POST".equals(method)) { // STS's query protocol posts to the root
                status = sts.handle(ex, method, readBody(ex)); // the form body holds the web identity token: not logged
            } else if (path.startsWith("/_standin/")) {
                String q = ex.getRequestURI().getRawQuery();
                logged = q == null ? path : path + "?" + q;
                status = control(ex, method, path);
            } else if (path.startsWith("/maven/")) {
                status = repository(ex, method, path);
            } else if (path.startsWith("/_s3/")) {
                status = s3(ex, method, path);
            } else if (path.startsWith("/seed/")) {
                status = seed(ex, method, path);
            } else {
                status = text(ex, 404, "Not found: " + path + "\n");
            }
        } catch (Throwable e) {
            status = 500;
            try {
                text(ex, 500, "stand-in failure: " + e + "\n");
            } catch (Throwable ignored) {
                // response already started
            }
        } finally {
            log(method, logged, status);
            ex.close();
        }
    }

    // ------------------------------------------------------------------ token API

    private int tokenApi(HttpExchange ex, String method) throws IOException {
        byte[] body = readBody(ex);
        totalTokenRequests.incrementAndGet();
        Map<String, String> q = query(ex);
        String domain = q.get("domain");
        if (domain != null) {
            counter(tokenRequestsByDomain, domain).incrementAndGet();
            if (ex.getRequestHeaders().containsKey("Proxy-Authorization")) {
                counter(proxyAuthorizationByDomain, domain).incrementAndGet();
            }
        }
        if (!"POST".equals(method)) {
            return awsError(ex, 404, "UnknownOperationException", "Unknown operation " + method + " " + TOKEN_PATH);
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher sig = auth == null ? null : SIGV4.matcher(auth.trim());
        if (sig == null || !sig.matches()) {
            return awsError(ex, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (REJECTED_ACCESS_KEY.equals(sig.group(1))) {
            return awsError(ex, 403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (SIGNING_ACCESS_KEY.equals(sig.group(1)) && !SigV4Check.matches(ex, method, body, sig, SIGNING_SECRET_KEY)) {
            return awsError(ex, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        String signer = sts.signer(ex, method, body, sig);
        if (signer == null) { // temporary credentials AWS would not know, or not signed with their secret and token
            return awsError(ex, 403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (domain != null) {
            signers.computeIfAbsent(domain, d -> new CopyOnWriteArrayList<>()).add(signer);
        }
        String region = sig.group(3);

        if (domain == null) {
            return validation(ex, "Value null at 'domain' failed to satisfy constraint: Member must not be null");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return validation(ex, "Value '" + domain + "' at 'domain' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [a-z][a-z0-9\\-]{0,48}[a-z0-9]");
        }
        String owner = q.get("domain-owner");
        if (owner != null && !OWNER.matcher(owner).matches()) {
            return validation(ex, "Value '" + owner + "' at 'domainOwner' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [0-9]{12}");
        }
        long durationSeconds = 43200;
        String duration = q.get("duration");
        if (duration != null) {
            long d;
            try {
                d = Long.parseLong(duration);
            } catch (NumberFormatException e) {
                return validation(ex, "Value '" + duration + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must be a number");
            }
            if (d < 0) {
                return validation(ex, "Value '" + d + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
            }
            if (d > 43200) {
                return validation(ex, "Value '" + d + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 43200");
            }
            if (d != 0 && d < 900) {
                return validation(ex, "Value '" + d + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must be 0 or have value greater than or equal to 900");
            }
            durationSeconds = d == 0 ? 3600 : d;
        }

        // ---- fault injection by domain prefix
        int n = counter(faultCounters, domain).incrementAndGet();
        Matcher m;
        if ((m = THROTTLE.matcher(domain)).matches() && n <= parseIntSafe(m.group(1))) {
            ex.getResponseHeaders().set("Retry-After", "1");
            return awsError(ex, 429, "ThrottlingException", "Rate exceeded");
        }
        if ((m = ERROR500.matcher(domain)).matches() && n <= parseIntSafe(m.group(1))) {
            return awsError(ex, 500, "InternalServerException", "An internal error occurred. Try again.");
        }
        if (domain.startsWith("denied-")) {
            return awsError(ex, 403, "AccessDeniedException",
                    "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: "
                            + "codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:" + region + ":"
                            + (owner == null ? "111122223333" : owner) + ":domain/" + domain
                            + " because no identity-based policy allows the codeartifact:GetAuthorizationToken action");
        }
        if (domain.startsWith("missing-")) {
            return awsError(ex, 404, "ResourceNotFoundException", "Domain not found");
        }
        if (domain.startsWith("garbage-")) {
            return send(ex, 200, "text/html", "<html>this is not json</html>".getBytes(StandardCharsets.UTF_8));
        }
        if (domain.startsWith("slow-")) {
            try {
                if (stopped.await(SLOW_MILLIS, TimeUnit.MILLISECONDS)) {
                    return awsError(ex, 503, "ServiceUnavailableException", "stand-in shutting down");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return awsError(ex, 503, "ServiceUnavailableException", "stand-in shutting down");
            }
        }
        long now = System.currentTimeMillis();
        if (domain.startsWith("notoken-")) {
            return json(ex, 200, "{\"expiration\":" + epochSeconds(now + durationSeconds * 1000) + "}");
        }
        long expiresAt;
        if (domain.startsWith("expired-")) {
            expiresAt = now - 3600_000L;
        } else if ((m = TTL.matcher(domain)).matches()) {
            expiresAt = now + parseLongSafe(m.group(1)) * 1000L;
        } else {
            expiresAt = now + durationSeconds * 1000L;
        }
        IssuedToken t = issue(domain, owner, expiresAt);
        if (domain.startsWith("revokedfirst-") && issuedInOrder.stream().filter(i -> i.domain().equals(domain)).count() == 1) {
            // A token revoked after the client cached it: the API's answer is fine, repositories reject it.
            t.revoked = true;
        }
        return json(ex, 200, "{\"authorizationToken\":\"" + t.token() + "\",\"expiration\":" + epochSeconds(expiresAt) + "}");
    }

    private IssuedToken issue(String domain, String owner, long expiresAt) throws IOException {
        byte[] bytes = new byte[900]; // 1200 base64url characters, no padding
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IssuedToken t = new IssuedToken(token, domain, owner, expiresAt);
        tokens.put(token, t);
        issuedInOrder.add(t);
        synchronized (fileLock) {
            Files.write(tokensFile, (token + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return t;
    }

    /** Epoch seconds the way AWS JSON protocols print them: a double, e.g. {@code 1.700043200123E9}. */
    static String epochSeconds(long millis) {
        return Double.toString(millis / 1000.0);
    }

    private int validation(HttpExchange ex, String detail) throws IOException {
        return awsError(ex, 400, "ValidationException", "1 validation error detected: " + detail);
    }

    private int awsError(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().set("x-amzn-ErrorType", type);
        return json(ex, status, "{\"message\":\"" + jsonEscape(message) + "\"}");
    }

    private int json(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        return send(ex, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ control API

    private int control(HttpExchange ex, String method, String path) throws IOException {
        drain(ex);
        Map<String, String> q = query(ex);
        switch (path) {
            case "/_standin/health":
                return text(ex, 200, "ok\n");
            case "/_standin/count": {
                String d = q.get("domain");
                return text(ex, 200, (d == null ? totalTokenRequests() : tokenRequestCount(d)) + "\n");
            }
            case "/_standin/tokens": {
                return text(ex, 200, lines(issuedTokens()));
            }
            case "/_standin/requests": {
                String repo = q.get("repo");
                if (repo == null) {
                    return text(ex, 400, "missing ?repo=\n");
                }
                return text(ex, 200, lines(requests(repo)));
            }
            case "/_standin/requests-by-token": {
                String d = q.get("domain");
                if (d == null) {
                    return text(ex, 400, "missing ?domain=\n");
                }
                return text(ex, 200, lines(requestsByToken(d)));
            }
            case "/_standin/unauthorized": {
                String repo = q.get("repo");
                if (repo == null) {
                    return text(ex, 400, "missing ?repo=\n");
                }
                return text(ex, 200, unauthorizedCount(repo) + "\n");
            }
            case "/_standin/proxy-authorization":
                return text(ex, 200, proxyAuthorizationCount(q.get("domain")) + "\n");
            case "/_standin/sts":
                return text(ex, 200, lines(sts.calls()));
            case "/_standin/signers": {
                String d = query(ex).get("domain");
                List<String> list = d == null ? null : signers.get(d);
                return text(ex, 200, lines(list == null ? java.util.Collections.<String>emptyList() : list));
            }
            case "/_standin/stats":
                return text(ex, 200, stats());
            case "/_standin/expire": {
                String d = q.get("domain");
                if (d == null) {
                    return text(ex, 400, "missing ?domain=\n");
                }
                return text(ex, 200, expireTokens(d) + "\n");
            }
            case "/_standin/shutdown": {
                int s = text(ex, 200, "shutting down\n");
                ex.close();
                Thread t = new Thread(() -> {
                    Runnable r = onShutdownRequest;
                    if (r != null) {
                        r.run();
                    }
                }, "standin-shutdown");
                t.setDaemon(false);
                t.start();
                return s;
            }
            default:
                return text(ex, 404, "unknown control endpoint " + path + "\n");
        }
    }

    private String stats() {
        StringBuilder sb = new StringBuilder();
        sb.append("tokenRequests ").append(totalTokenRequests()).append('\n');
        for (Map.Entry<String, AtomicInteger> e : new java.util.TreeMap<>(tokenRequestsByDomain).entrySet()) {
            sb.append("tokenRequests.domain.").append(e.getKey()).append(' ').append(e.getValue().get()).append('\n');
        }
        sb.append("tokensIssued ").append(issuedInOrder.size()).append('\n');
        for (String repo : new java.util.TreeSet<>(repoRequests.keySet())) {
            sb.append("repo.").append(repo).append(".requests ").append(requests(repo).size()).append('\n');
            sb.append("repo.").append(repo).append(".401 ").append(unauthorizedCount(repo)).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ repositories

    private int repository(HttpExchange ex, String method, String path) throws IOException {
        // /maven/REPO/PATH or /maven/d/DOMAIN-OWNER/REPO/PATH
        String rest = path.substring("/maven/".length());
        String pathDomain = null;
        String pathOwner = null;
        if (rest.startsWith("d/")) {
            String[] parts = rest.split("/", 3);
            Matcher m = parts.length >= 2 ? DOMAIN_OWNER_SEGMENT.matcher(parts[1]) : null;
            if (m != null && m.matches()) {
                pathDomain = m.group(1);
                pathOwner = m.group(2);
                rest = parts.length == 3 ? parts[2] : "";
            }
        }
        int slash = rest.indexOf('/');
        String repo = slash < 0 ? rest : rest.substring(0, slash);
        String rel = slash < 0 ? "" : rest.substring(slash + 1);
        if (repo.isEmpty()) {
            drain(ex);
            return text(ex, 404, "no repository in path\n");
        }
        int status = repositoryRequest(ex, method, repo, rel, pathDomain, pathOwner);
        record(repo, method, status, path);
        recordByToken(ex, method, status, path);
        if (status == 401) {
            counter(repoUnauthorized, repo).incrementAndGet();
        }
        return status;
    }

    private int repositoryRequest(HttpExchange ex, String method, String repo, String rel,
                                  String pathDomain, String pathOwner) throws IOException {
        String failure = authenticate(ex, pathDomain, pathOwner);
        if (failure != null) {
            drain(ex);
            if (!repo.startsWith("nochallenge")) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            }
            return text(ex, 401, "Unauthorized: " + failure + "\n");
        }
        if (!safe(rel)) {
            drain(ex);
            return text(ex, 400, "bad path\n");
        }
        switch (method) {
            case "GET":
            case "HEAD": {
                drain(ex);
                byte[] content = content(repo, rel);
                if (content == null) {
                    return text(ex, 404, "Not found\n");
                }
                if ("GET".equals(method) && rel.endsWith(".jar")) {
                    // Like CodeArtifact: a pre-signed URL on another origin (same host name, the S3 listener's port),
                    // so clients scoping credentials per origin do not send Authorization along.
                    String host = ex.getRequestHeaders().getFirst("Host");
                    host = host == null || host.trim().isEmpty() ? hostForUrl() : stripPort(host.trim());
                    ex.getResponseHeaders().set("Location", "http://" + host + ":" + s3Port() + "/_s3/" + repo + "/" + rel
                            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=" + hex(randomBytes(32)));
                    return send(ex, 307, null, new byte[0]);
                }
                return send(ex, 200, contentType(rel), content);
            }
            case "PUT": {
                if (rel.isEmpty() || rel.endsWith("/")) {
                    drain(ex);
                    return text(ex, 400, "cannot PUT a directory\n");
                }
                store(repo, rel, readAll(ex.getRequestBody()));
                return send(ex, 201, null, new byte[0]);
            }
            default:
                drain(ex);
                return text(ex, 405, "method not allowed\n");
        }
    }

    /** Null when authenticated, otherwise a reason (never containing the token). */
    private String authenticate(HttpExchange ex, String pathDomain, String pathOwner) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            return "no credentials";
        }
        auth = auth.trim();
        if (auth.length() < 6 || !auth.substring(0, 6).equalsIgnoreCase("Basic ")) {
            return "not HTTP Basic credentials";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "malformed Basic credentials";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return "malformed Basic credentials";
        }
        if (!"aws".equals(decoded.substring(0, colon))) {
            return "user must be aws";
        }
        IssuedToken t = tokens.get(decoded.substring(colon + 1));
        if (t == null) {
            return "unknown token";
        }
        if (t.isExpired()) {
            return "token expired";
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host != null) {
            host = stripPort(host.trim().toLowerCase(Locale.ROOT));
            Matcher m = CODEARTIFACT_HOST.matcher(host);
            if (m.matches() && !tokenFits(t, m.group(1), m.group(2))) {
                return "token was not issued for domain " + m.group(1) + "-" + m.group(2);
            }
        }
        if (pathDomain != null && !tokenFits(t, pathDomain, pathOwner)) {
            return "token was not issued for domain " + pathDomain + "-" + pathOwner;
        }
        return null;
    }

    private static boolean tokenFits(IssuedToken t, String domain, String owner) {
        return t.domain().equals(domain) && (t.owner() == null || t.owner().equals(owner));
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private int s3(HttpExchange ex, String method, String path) throws IOException {
        drain(ex);
        String rest = path.substring("/_s3/".length());
        int slash = rest.indexOf('/');
        String repo = slash < 0 ? rest : rest.substring(0, slash);
        String rel = slash < 0 ? "" : rest.substring(slash + 1);
        int status = s3Request(ex, method, repo, rel);
        if (!repo.isEmpty()) {
            record(repo, method, status, path);
        }
        return status;
    }

    private int s3Request(HttpExchange ex, String method, String repo, String rel) throws IOException {
        if (ex.getRequestHeaders().getFirst("Authorization") != null) {
            return s3Error(ex, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified");
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return s3Error(ex, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        Map<String, String> q = query(ex);
        if (q.get("X-Amz-Signature") == null) {
            return s3Error(ex, 403, "AccessDenied", "Access Denied");
        }
        byte[] content = repo.isEmpty() || !safe(rel) ? null : content(repo, rel);
        if (content == null) {
            return s3Error(ex, 404, "NoSuchKey", "The specified key does not exist.");
        }
        return send(ex, 200, contentType(rel), content);
    }

    private int s3Error(HttpExchange ex, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + xmlEscape(message) + "</Message></Error>\n";
        return send(ex, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private int seed(HttpExchange ex, String method, String path) throws IOException {
        String rest = path.substring("/seed/".length());
        int slash = rest.indexOf('/');
        if (!"PUT".equals(method)) {
            drain(ex);
            return text(ex, 405, "seed accepts PUT only\n");
        }
        if (slash <= 0 || slash == rest.length() - 1 || !safe(rest)) {
            drain(ex);
            return text(ex, 400, "use PUT /seed/REPO/PATH\n");
        }
        store(rest.substring(0, slash), rest.substring(slash + 1), readAll(ex.getRequestBody()));
        return send(ex, 201, null, new byte[0]);
    }

    private void store(String repo, String rel, byte[] body) throws IOException {
        Path target = reposDir.resolve(repo).resolve(rel).normalize();
        if (!target.startsWith(reposDir)) {
            throw new IOException("path escapes the data directory");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        Files.write(tmp, body);
        moveAtomically(tmp, target);
    }

    /** Stored file, else synthetic artifact, else checksum of either; null when nothing is servable. */
    byte[] content(String repo, String rel) throws IOException {
        if (rel.isEmpty() || rel.endsWith("/")) {
            return null;
        }
        Path stored = reposDir.resolve(repo).resolve(rel).normalize();
        if (stored.startsWith(reposDir) && Files.isRegularFile(stored)) {
            return Files.readAllBytes(stored);
        }
        byte[] synthetic = synthetic(rel);
        if (synthetic != null) {
            return synthetic;
        }
        byte[] fallback = fallback(rel);
        if (fallback != null) {
            return fallback;
        }
        String[][] algos = {{".sha1", "SHA-1"}, {".md5", "MD5"}, {".sha256", "SHA-256"}, {".sha512", "SHA-512"}};
        for (String[] a : algos) {
            if (rel.endsWith(a[0])) {
                byte[] base = content(repo, rel.substring(0, rel.length() - a[0].length()));
                if (base == null) {
                    return null;
                }
                return hex(digest(a[1], base)).getBytes(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /**
     * A file of a fallback local repository; for {@code maven-metadata.xml} also the local repository's
     * per-repository copy ({@code maven-metadata-central.xml} first, then any other). Never serves the local
     * repository's bookkeeping files.
     */
    byte[] fallback(String rel) throws IOException {
        if (rel.startsWith(SYNTHETIC_GROUP_PATH) || fallbacks.isEmpty() && fallbackParents.isEmpty()) {
            return null;
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.equals("_remote.repositories") || name.endsWith(".lastUpdated") || name.equals("resolver-status.properties")) {
            return null;
        }
        List<Path> roots = new ArrayList<>(fallbacks);
        for (Path parent : fallbackParents) {
            if (Files.isDirectory(parent)) {
                try (java.util.stream.Stream<Path> children = Files.list(parent)) {
                    children.filter(Files::isDirectory).sorted().forEach(roots::add);
                }
            }
        }
        for (Path root : roots) {
            Path file = root.resolve(rel).normalize();
            if (!file.startsWith(root)) {
                continue;
            }
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
            if (name.equals("maven-metadata.xml") && Files.isDirectory(file.getParent())) {
                Path central = file.getParent().resolve("maven-metadata-central.xml");
                if (Files.isRegularFile(central)) {
                    return Files.readAllBytes(central);
                }
                try (java.util.stream.Stream<Path> siblings = Files.list(file.getParent())) {
                    java.util.Optional<Path> any = siblings
                            .filter(p -> p.getFileName().toString().matches("maven-metadata-[^/]+\\.xml"))
                            .sorted().findFirst();
                    if (any.isPresent()) {
                        return Files.readAllBytes(any.get());
                    }
                }
            }
        }
        return null;
    }

    /** Synthetic POMs and jars under dev/codeartifact/protected/...; null for anything else. */
    static byte[] synthetic(String rel) throws IOException {
        if (!rel.startsWith(SYNTHETIC_GROUP_PATH)) {
            return null;
        }
        String[] seg = rel.split("/");
        // dev, codeartifact, protected, [more group segments...], artifactId, version, file
        if (seg.length < 6) {
            return null;
        }
        String file = seg[seg.length - 1];
        String version = seg[seg.length - 2];
        String artifactId = seg[seg.length - 3];
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < seg.length - 3; i++) {
            if (seg[i].isEmpty()) {
                return null;
            }
            if (i > 0) {
                group.append('.');
            }
            group.append(seg[i]);
        }
        String stem = artifactId + "-" + version;
        if (artifactId.isEmpty() || version.isEmpty()) {
            return null;
        }
        if (file.equals(stem + ".pom")) {
            return pom(group.toString(), artifactId, version).getBytes(StandardCharsets.UTF_8);
        }
        if (file.equals(stem + ".jar")) {
            return jar(group.toString(), artifactId, version);
        }
        return null;
    }

    static String pom(String groupId, String artifactId, String version) {
        String g = xmlEscape(groupId);
        String a = xmlEscape(artifactId);
        String v = xmlEscape(version);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd\">\n");
        sb.append("  <modelVersion>4.0.0</modelVersion>\n");
        sb.append("  <groupId>").append(g).append("</groupId>\n");
        sb.append("  <artifactId>").append(a).append("</artifactId>\n");
        sb.append("  <version>").append(v).append("</version>\n");
        if (artifactId.startsWith("parent-")) {
            sb.append("  <packaging>pom</packaging>\n");
            sb.append("  <properties>\n    <protected.parent>").append(a).append("</protected.parent>\n  </properties>\n");
        } else if (artifactId.startsWith("bom-")) {
            sb.append("  <packaging>pom</packaging>\n");
            sb.append("  <dependencyManagement>\n    <dependencies>\n      <dependency>\n");
            sb.append("        <groupId>dev.codeartifact.protected</groupId>\n");
            sb.append("        <artifactId>lib-").append(a).append("</artifactId>\n");
            sb.append("        <version>").append(v).append("</version>\n");
            sb.append("      </dependency>\n    </dependencies>\n  </dependencyManagement>\n");
        } else {
            sb.append("  <packaging>jar</packaging>\n");
        }
        sb.append("</project>\n");
        return sb.toString();
    }

    /** A small, byte-for-byte reproducible jar: STORED entries, fixed DOS timestamps. */
    static byte[] jar(String groupId, String artifactId, String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.STORED);
            storedEntry(zip, "META-INF/MANIFEST.MF",
                    "Manifest-Version: 1.0\r\nCreated-By: codeartifact-standin\r\n\r\n");
            storedEntry(zip, artifactId + ".txt",
                    "Synthetic artifact " + groupId + ":" + artifactId + ":" + version + " served by the CodeArtifact stand-in.\n");
        }
        return bytes.toByteArray();
    }

    private static void storedEntry(ZipOutputStream zip, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length);
        e.setCrc(crc.getValue());
        // The DOS time field holds local date-time: converting a fixed local date-time through the default
        // zone yields the same DOS fields in every time zone.
        e.setTime(LocalDateTime.of(2020, 1, 1, 0, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** Records a repository request under the domain of the issued token it presented (if it presented one). */
    private void recordByToken(HttpExchange ex, String method, int status, String path) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || auth.trim().length() < 6 || !auth.trim().substring(0, 6).equalsIgnoreCase("Basic ")) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        int colon = decoded.indexOf(':');
        IssuedToken t = colon < 0 ? null : tokens.get(decoded.substring(colon + 1));
        if (t == null) {
            return;
        }
        int n = 0;
        for (IssuedToken i : issuedInOrder) {
            if (i.domain().equals(t.domain())) {
                n++;
                if (i == t) {
                    break;
                }
            }
        }
        List<String> l = domainRequests.computeIfAbsent(t.domain(), d -> new ArrayList<String>());
        synchronized (l) {
            l.add(method + " " + status + " " + path + " #" + n);
        }
    }

    /**
     * Lines {@code METHOD STATUS PATH #N} of the repository requests that presented a token issued for
     * {@code domain}, N telling which of the domain's tokens (1 = the first issued). Never the token itself.
     */
    public List<String> requestsByToken(String domain) {
        return snapshot(domainRequests.get(domain));
    }

    private void record(String repo, String method, int status, String path) {
        List<String> l = repoRequests.get(repo);
        if (l == null) {
            repoRequests.putIfAbsent(repo, new ArrayList<String>());
            l = repoRequests.get(repo);
        }
        synchronized (l) {
            l.add(method + " " + status + " " + path);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean safe(String rel) {
        for (String s : rel.split("/")) {
            if (s.equals("..") || s.equals(".")) {
                return false;
            }
        }
        return rel.indexOf('\\') < 0 && rel.indexOf('\0') < 0;
    }

    private static String contentType(String rel) {
        if (rel.endsWith(".pom") || rel.endsWith(".xml")) {
            return "application/xml";
        }
        if (rel.endsWith(".jar")) {
            return "application/java-archive";
        }
        if (rel.endsWith(".sha1") || rel.endsWith(".md5") || rel.endsWith(".sha256") || rel.endsWith(".sha512")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    /** One line per element, each ending with a newline: the control API's list answers. */
    private static String lines(Iterable<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            sb.append(item).append('\n');
        }
        return sb.toString();
    }

    private int text(HttpExchange ex, int status, String body) throws IOException {
        return send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a complete response; HEAD gets the headers (with Content-Length) and no body. */
    static int send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (contentType != null) {
            h.set("Content-Type", contentType);
        }
        if ("HEAD".equalsIgnoreCase(ex.getRequestMethod())) {
            h.set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
        } else if (body.length == 0) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }

    /** A URL-encoded query or form body as a map (first value of each name). */
    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, "UTF-8"), URLDecoder.decode(v, "UTF-8"));
            } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> map, String key) {
        AtomicInteger n = map.get(key);
        if (n == null) {
            map.putIfAbsent(key, new AtomicInteger());
            n = map.get(key);
        }
        return n;
    }

    private static byte[] readBody(HttpExchange ex) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[8192];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // connection will be closed anyway
        }
        return out.toByteArray();
    }

    private static void drain(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // connection will be closed anyway
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = digits[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[b[i] & 0xf];
        }
        return new String(out);
    }

    static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int parseIntSafe(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static long parseLongSafe(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE / 4000L;
        }
    }

    private String hostForUrl() {
        String h = server.getAddress().getAddress().getHostAddress();
        if (server.getAddress().getAddress().isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return h.indexOf(':') >= 0 ? "[" + h + "]" : h;
    }

    /** One line per request; never headers, never tokens. */
    private void log(String method, String path, int status) {
        String line = Instant.now() + " " + method + " " + path + " " + status + "\n";
        synchronized (fileLock) {
            try {
                Files.write(logFile, line.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException ignored) {
                // logging is best effort
            }
        }
    }

    static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file in the same directory and an atomic rename. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        Files.write(tmp, text.getBytes(StandardCharsets.US_ASCII));
        moveAtomically(tmp, abs);
    }

    // ------------------------------------------------------------------ CLI

    private static void usage(PrintStream out) {
        out.println("usage: StandIn --port N --data DIR [--port-file FILE] [--bind ADDRESS] [--fallback DIR]... [--fallback-parent DIR]...");
        out.println("  --port N          port to listen on, 0 picks a free one");
        out.println("  --data DIR        data directory (created if missing): repos/, standin.log, issued-tokens.txt");
        out.println("  --port-file FILE  written atomically with the bound port once the server listens");
        out.println("  --bind ADDRESS    address to bind, default 127.0.0.1");
        out.println("  --fallback DIR    a Maven local repository whose files repositories serve (after authentication)");
        out.println("                    for paths neither stored nor synthetic; repeatable");
        out.println("  --fallback-parent DIR  like --fallback for every subfolder of DIR (e.g. target/it-repo); repeatable");
        out.println("  --tls-port N      also serve HTTPS on port N (0: a free one); test CA and key generated in DATA/tls/,");
        out.println("                    CA certificate DATA/tls/ca.pem");
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args, StandIn::usage,
                "--port", "--data", "--port-file", "--bind", "--fallback", "--fallback-parent", "--tls-port");
        if (o.get("--port", null) == null || o.get("--data", null) == null) {
            Options.fail(null, StandIn::usage);
        }
        int port = Integer.parseInt(o.get("--port", null));
        Path data = o.path("--data");
        Path portFile = o.path("--port-file");
        String tlsPortNumber = o.get("--tls-port", null);
        Integer tlsPort = tlsPortNumber == null ? null : Integer.valueOf(tlsPortNumber);
        if (tlsPort != null) {
            ensureTlsMaterial(data); // before listening: the build waits for the ports, not for keytool
        }
        final StandIn standIn = start(o.get("--bind", "127.0.0.1"), port, data);
        if (tlsPort != null) {
            standIn.enableTls(tlsPort);
        }
        for (String dir : o.all("--fallback")) {
            standIn.addFallback(Paths.get(dir), false);
        }
        for (String dir : o.all("--fallback-parent")) {
            standIn.addFallback(Paths.get(dir), true);
        }
        standIn.onShutdownRequest = () -> {
            standIn.close();
            System.exit(0);
        };
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "standin-shutdown-hook"));
        System.out.println("CodeArtifact stand-in listening on " + standIn.baseUrl() + " (data " + standIn.dataDir() + ")");
        System.out.println("S3 downloads (jar redirects) go to http://" + standIn.hostForUrl() + ":" + standIn.s3Port() + "/_s3/");
        if (tlsPort != null) {
            System.out.println("HTTPS on https://" + standIn.hostForUrl() + ":" + standIn.tlsPort() + " (CA certificate "
                    + caPem(standIn.dataDir()) + ")");
        }
        System.out.flush();
        if (portFile != null) {
            writeAtomically(portFile, Integer.toString(standIn.port()));
        }
        standIn.awaitStop();
    }
}
