package dev.codeartifact.standin;

import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Waits (at most 30 s in all) until something listens on 127.0.0.1:PORT, for each PORT argument: the build
 * starts the stand-in asynchronously.
 */
public final class AwaitPort {
  public static void main(String[] args) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (String arg : args) {
      int port = Integer.parseInt(arg);
      boolean up = false;
      while (!up && System.nanoTime() < deadline) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 500);
          up = true;
        } catch (java.io.IOException e) {
          Thread.sleep(100);
        }
      }
      if (!up) {
        System.err.println("Nothing listens on 127.0.0.1:" + port + " after 30 s");
        System.exit(1);
      }
    }
  }
}
