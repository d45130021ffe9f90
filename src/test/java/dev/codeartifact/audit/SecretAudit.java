package dev.codeartifact.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * After the ITs: every token the stand-in issued ({@code issued-tokens.txt}) must appear nowhere under the
 * scanned folders (build logs, IT projects, reports), neither whole, nor as its first {@value #WINDOW}
 * characters, nor base64-encoded in a Basic header ({@code aws:TOKEN}), nor in any file or folder NAME.
 * Files the user asked for (settings written by the login goal, token files of the token goal) and token
 * cache files may hold a token, by explicit allowlist only; they must then be owner-only (0600; their
 * folder, for cache files, 0700).
 *
 * <pre>
 * java -cp target/test-classes dev.codeartifact.audit.SecretAudit --tokens target/standin/issued-tokens.txt
 *     --scan target/it [--scan DIR]... [--allow GLOB]... [--cache GLOB]...
 * </pre>
 * Globs are {@code glob:} path matchers over the path relative to the scan root, e.g.
 * {@code *&#47;ca-cache/**}. Prints one line per finding (path and rule, never the token) and exits 1 when
 * there is any; 0 otherwise. Exits 2 on bad arguments or when the token file is missing.
 */
public final class SecretAudit {
  static final int WINDOW = 40;
  private static final long MAX_FILE = 256L * 1024 * 1024;

  private final Set<String> needles = new HashSet<>();
  private final List<PathMatcher> allowed = new ArrayList<>();
  private final List<PathMatcher> caches = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();
  private int files;

  SecretAudit(List<String> tokens, List<String> allowGlobs, List<String> cacheGlobs) {
    for (String t : tokens) {
      t = t.trim();
      if (t.length() < WINDOW) {
        continue;
      }
      needles.add(t.substring(0, WINDOW));
      String basic = Base64.getEncoder().encodeToString(("aws:" + t).getBytes(StandardCharsets.UTF_8));
      needles.add(basic.substring(0, WINDOW));
      String basicUrl = Base64.getUrlEncoder().encodeToString(("aws:" + t).getBytes(StandardCharsets.UTF_8));
      needles.add(basicUrl.substring(0, WINDOW));
    }
    for (String g : allowGlobs) {
      allowed.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
    }
    for (String g : cacheGlobs) {
      caches.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
    }
  }

  public static void main(String[] args) throws IOException {
    Path tokens = null;
    List<Path> roots = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    List<String> cache = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (i + 1 >= args.length) {
        usage("missing value for " + args[i]);
      }
      String v = args[++i];
      switch (args[i - 1]) {
        case "--tokens": tokens = Paths.get(v); break;
        case "--scan": roots.add(Paths.get(v)); break;
        case "--allow": allow.add(v); break;
        case "--cache": cache.add(v); break;
        default: usage("unknown option " + args[i - 1]);
      }
    }
    if (tokens == null || roots.isEmpty()) {
      usage("--tokens and at least one --scan are required");
    }
    if (!Files.isRegularFile(tokens)) {
      System.err.println("SecretAudit: no token file " + tokens + " (did the stand-in run?)");
      System.exit(2);
    }
    List<String> issued = Files.readAllLines(tokens, StandardCharsets.US_ASCII);
    SecretAudit audit = new SecretAudit(issued, allow, cache);
    for (Path root : roots) {
      audit.scan(root);
    }
    for (String f : audit.findings) {
      System.out.println("SECRET AUDIT: " + f);
    }
    System.out.println("SecretAudit: " + issued.size() + " issued tokens, " + audit.files + " files scanned, "
        + audit.findings.size() + " findings");
    System.exit(audit.findings.isEmpty() ? 0 : 1);
  }

  private static void usage(String why) {
    System.err.println("SecretAudit: " + why);
    System.err.println("usage: SecretAudit --tokens FILE --scan DIR [--scan DIR]... [--allow GLOB]... [--cache GLOB]...");
    System.exit(2);
  }

  List<String> findings() {
    return findings;
  }

  void scan(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        checkName(root, dir);
        Path rel = root.relativize(dir);
        for (PathMatcher m : caches) {
          if (m.matches(rel.resolve("x"))) {
            checkPermissions(root, dir, "rwx------");
            break;
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        files++;
        checkName(root, file);
        Path rel = root.relativize(file);
        boolean mayHoldToken = matchesAny(caches, rel) || matchesAny(allowed, rel);
        if (attrs.size() > MAX_FILE) {
          return FileVisitResult.CONTINUE;
        }
        boolean holds = contains(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        if (holds && !mayHoldToken) {
          findings.add(rel + " (under " + root + "): contains an issued token");
        }
        // Files we write (caches) must be owner-only; a log the user asked to hold the token
        // (token goal to stdout) is written by the invoker, not by us.
        if (holds && matchesAny(caches, rel)) {
          checkPermissions(root, file, "rw-------");
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static boolean matchesAny(List<PathMatcher> matchers, Path rel) {
    for (PathMatcher m : matchers) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }

  private void checkName(Path root, Path p) {
    Path name = p.getFileName();
    if (name != null && contains(name.toString())) {
      findings.add("a file or folder name under " + root + " contains an issued token");
    }
  }

  private void checkPermissions(Path root, Path p, String expected) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      String actual = PosixFilePermissions.toString(perms);
      if (!actual.equals(expected)) {
        findings.add(root.relativize(p) + " (under " + root + "): holds a token but is " + actual + ", not " + expected);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
  }

  /** True when any {@value #WINDOW}-character window of a token-alphabet run of {@code text} is a needle. */
  boolean contains(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !tokenChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && tokenChar(text.charAt(i))) {
        i++;
      }
      for (int s = start; s + WINDOW <= i; s++) {
        if (needles.contains(text.substring(s, s + WINDOW))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean tokenChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+'
        || c == '/' || c == '=';
  }
}
