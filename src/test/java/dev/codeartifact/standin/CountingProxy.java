package dev.codeartifact.standin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Minimal HTTP forward proxy that counts the requests it receives.
 *
 * <pre>
 * java -cp target/test-classes dev.codeartifact.standin.CountingProxy --port 0 [--port-file FILE]
 *      [--count-file FILE] [--log-file FILE] [--auth user:pass] [--bind 127.0.0.1]
 * </pre>
 *
 * <p>Handles absolute-form requests ({@code POST http://host:port/path HTTP/1.1}) by forwarding them (method, headers,
 * body; {@code https://} targets are refused with 501, clients use CONNECT for those) and {@code CONNECT host:port}
 * by tunnelling. Each client connection carries one request ({@code Connection: close}). Every request received counts,
 * including ones answered 407. With {@code --count-file} the count is rewritten atomically after each request
 * (and written as 0 at start). With {@code --log-file} every request adds a line {@code METHOD TARGET STATUS}
 * (never a header value) once answered (for a tunnel: once it is established).
 */
public final class CountingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = new HashSet<>(Arrays.asList(
            "connection", "proxy-connection", "keep-alive", "proxy-authorization", "proxy-authenticate", "te",
            "trailer", "transfer-encoding", "upgrade", "expect", "content-length"));
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final ExecutorService pool;
    private final String expectedAuth; // "Basic base64(user:pass)" or null
    private final Path countFile;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Object countFileLock = new Object();
    private volatile Path logFile;
    private volatile boolean closed;

    private CountingProxy(String bind, int port, String auth, Path countFile) throws IOException {
        this.expectedAuth = auth == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
        this.countFile = countFile;
        this.serverSocket = new ServerSocket();
        this.serverSocket.setReuseAddress(true);
        this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 128);
        AtomicInteger threadNo = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "counting-proxy-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        writeCount();
        Thread acceptor = new Thread(this::acceptLoop, "counting-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CountingProxy start(int port) throws IOException {
        return new CountingProxy("127.0.0.1", port, null, null);
    }

    /** {@code auth} is {@code user:pass} (Proxy-Authorization required) or null; {@code countFile} may be null. */
    public static CountingProxy start(int port, String auth, Path countFile) throws IOException {
        return new CountingProxy("127.0.0.1", port, auth, countFile);
    }

    public static CountingProxy start(String bind, int port, String auth, Path countFile) throws IOException {
        return new CountingProxy(bind, port, auth, countFile);
    }

    public int port() { return serverSocket.getLocalPort(); }

    /** Every request received, including the ones refused (407, 400, 502...). */
    public int count() { return count.get(); }

    /** Requests actually forwarded or tunnelled. */
    public int forwardedCount() { return forwarded.get(); }

    /** Lines {@code METHOD TARGET STATUS}, one per request (never header values). */
    public List<String> requests() { return new ArrayList<>(requests); }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                final Socket client = serverSocket.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException e) {
                // rejected after shutdown
                return;
            }
        }
    }

    private void serve(Socket client) {
        String method = "?";
        String target = "?";
        int status = 0;
        boolean counted = false;
        try {
            client.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            List<String[]> headers = readHeaders(in);
            count.incrementAndGet();
            counted = true;
            writeCount();
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || headers == null) {
                status = reply(out, 400, "Bad Request", null);
                return;
            }
            method = parts[0];
            target = parts[1];
            if (expectedAuth != null && !expectedAuth.equals(header(headers, "Proxy-Authorization"))) {
                status = reply(out, 407, "Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"proxy\"");
                return;
            }
            if ("CONNECT".equalsIgnoreCase(method)) {
                final String connectTarget = target;
                status = tunnel(client, in, out, target, () -> logRequest("CONNECT " + connectTarget + " 200"));
            } else {
                status = forward(in, out, method, target, parts[2], headers);
            }
        } catch (IOException e) {
            if (status == 0) {
                status = 502;
            }
        } finally {
            if (counted) {
                requests.add(method + " " + target + " " + status);
                if (!("CONNECT".equalsIgnoreCase(method) && status == 200)) {
                    logRequest(method + " " + target + " " + status);
                }
            }
            closeQuietly(client);
        }
    }

    private int forward(InputStream in, OutputStream out, String method, String target, String version,
                        List<String[]> headers) throws IOException {
        URI uri;
        try {
            uri = new URI(target);
        } catch (Exception e) {
            return reply(out, 400, "Bad Request", null);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return reply(out, 501, "Not Implemented", null);
        }
        if (header(headers, "Expect") != null && header(headers, "Expect").toLowerCase(Locale.ROOT).contains("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, headers);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        Socket upstream = new Socket();
        try {
            try {
                upstream.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
            } catch (IOException e) {
                return reply(out, 502, "Bad Gateway", null);
            }
            upstream.setSoTimeout(120_000);
            StringBuilder req = new StringBuilder();
            req.append(method).append(' ').append(path).append(' ').append(version).append("\r\n");
            boolean hasHost = false;
            for (String[] h : headers) {
                String name = h[0].toLowerCase(Locale.ROOT);
                if (HOP_BY_HOP.contains(name)) {
                    continue;
                }
                hasHost |= name.equals("host");
                req.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (!hasHost) {
                req.append("Host: ").append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + port).append("\r\n");
            }
            if (body != null) {
                req.append("Content-Length: ").append(body.length).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                up.write(body);
            }
            up.flush();
            forwarded.incrementAndGet();

            InputStream upIn = new BufferedInputStream(upstream.getInputStream());
            String statusLine = readLine(upIn);
            List<String[]> respHeaders = statusLine == null ? null : readHeaders(upIn);
            if (statusLine == null || respHeaders == null) {
                return reply(out, 502, "Bad Gateway", null);
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.split(" ")[1]);
            } catch (RuntimeException e) {
                return reply(out, 502, "Bad Gateway", null);
            }
            StringBuilder resp = new StringBuilder(statusLine).append("\r\n");
            for (String[] h : respHeaders) {
                String name = h[0].toLowerCase(Locale.ROOT);
                if (name.equals("connection") || name.equals("keep-alive") || name.equals("proxy-connection")) {
                    continue;
                }
                resp.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            resp.append("Connection: close\r\n\r\n");
            out.write(resp.toString().getBytes(StandardCharsets.ISO_8859_1));
            copy(upIn, out);
            out.flush();
            return status;
        } finally {
            closeQuietly(upstream);
        }
    }

    private int tunnel(final Socket client, final InputStream in, final OutputStream out, String target,
                       Runnable established) throws IOException {
        int colon = target.lastIndexOf(':');
        String host;
        int port;
        try {
            host = target.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            port = Integer.parseInt(target.substring(colon + 1));
        } catch (RuntimeException e) {
            return reply(out, 400, "Bad Request", null);
        }
        final Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(host, port), 10_000);
        } catch (IOException e) {
            closeQuietly(upstream);
            return reply(out, 502, "Bad Gateway", null);
        }
        forwarded.incrementAndGet();
        out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        established.run();
        client.setSoTimeout(0);
        upstream.setSoTimeout(0);
        Thread down = new Thread(() -> {
            try {
                copy(upstream.getInputStream(), out);
            } catch (IOException ignored) {
                // peer gone
            } finally {
                shutdownOutput(client);
            }
        }, "counting-proxy-tunnel");
        down.setDaemon(true);
        down.start();
        try {
            copy(in, upstream.getOutputStream());
        } catch (IOException ignored) {
            // peer gone
        } finally {
            shutdownOutput(upstream);
        }
        try {
            down.join(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(upstream);
        return 200;
    }

    private static byte[] readBody(InputStream in, List<String[]> headers) throws IOException {
        String te = header(headers, "Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("truncated chunked body");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    // trailers until the empty line
                    String l;
                    while ((l = readLine(in)) != null && !l.isEmpty()) {
                        // ignore trailers
                    }
                    return body.toByteArray();
                }
                body.write(readExactly(in, size));
                readLine(in); // CRLF after the chunk
            }
        }
        String cl = header(headers, "Content-Length");
        if (cl != null) {
            return readExactly(in, Integer.parseInt(cl.trim()));
        }
        return null;
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new IOException("truncated body");
            }
            off += r;
        }
        return b;
    }

    private static int reply(OutputStream out, int status, String reason, String extraHeader) throws IOException {
        byte[] body = (status + " " + reason + "\n").getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        if (extraHeader != null) {
            sb.append(extraHeader).append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\nContent-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return status;
    }

    /** Reads a CRLF (or LF) terminated line as ISO-8859-1; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            line.write(c);
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("line too long");
            }
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        String s = new String(line.toByteArray(), StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Header lines until the empty line, as name/value pairs; null when malformed or truncated. */
    private static List<String[]> readHeaders(InputStream in) throws IOException {
        List<String[]> headers = new ArrayList<>();
        int total = 0;
        while (true) {
            String l = readLine(in);
            if (l == null) {
                return null;
            }
            if (l.isEmpty()) {
                return headers;
            }
            total += l.length();
            if (total > MAX_HEADER_BYTES) {
                return null;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            headers.add(new String[] {l.substring(0, colon).trim(), l.substring(colon + 1).trim()});
        }
    }

    private static String header(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    private void logRequest(String line) {
        Path f = logFile;
        if (f == null) {
            return;
        }
        synchronized (countFileLock) {
            try {
                Files.write(f, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private void writeCount() {
        if (countFile == null) {
            return;
        }
        synchronized (countFileLock) {
            try {
                StandIn.writeAtomically(countFile, Integer.toString(count.get()));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void shutdownOutput(Socket s) {
        try {
            if (!s.isClosed() && !s.isOutputShutdown()) {
                s.shutdownOutput();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: CountingProxy --port N [--port-file FILE] [--count-file FILE] [--log-file FILE]"
                + " [--auth user:pass] [--bind ADDRESS]");
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args, CountingProxy::usage,
                "--port", "--port-file", "--count-file", "--auth", "--bind", "--log-file");
        int port = Integer.parseInt(o.get("--port", "-1"));
        if (port < 0) {
            Options.fail(null, CountingProxy::usage);
        }
        String auth = o.get("--auth", null);
        String bind = o.get("--bind", "127.0.0.1");
        Path portFile = o.path("--port-file");
        CountingProxy proxy = start(bind, port, auth, o.path("--count-file"));
        proxy.logFile = o.path("--log-file");
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "counting-proxy-shutdown-hook"));
        System.out.println("Counting proxy listening on http://" + bind + ":" + proxy.port()
                + (auth == null ? "" : " (Proxy-Authorization required)"));
        System.out.flush();
        if (portFile != null) {
            StandIn.writeAtomically(portFile, Integer.toString(proxy.port()));
        }
        // Serve until killed.
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                forever.wait();
            }
        }
    }
}
