package dev.codeartifact.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestsTest {
  @Test
  void digestsMatchMessageDigest() throws Exception {
    Random random = new Random(7);
    for (int length = 0; length < 300; length++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append((char) (random.nextInt(0x2FF) + 1));
      }
      StringBuilder expected = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8))) {
        expected.append(String.format("%02x", b));
      }
      assertEquals(expected.toString(), Digests.sha256Hex(s.toString()));
    }
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digests.sha256Hex(""));
  }
}
