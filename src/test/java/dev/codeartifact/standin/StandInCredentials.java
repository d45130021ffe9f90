package dev.codeartifact.standin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the stand-in's fake AWS credentials through the SDK's system properties, and restores
 * whatever was there afterwards.
 */
public final class StandInCredentials implements BeforeAllCallback, AfterAllCallback {
  public static final String KEY = "aws.accessKeyId";
  public static final String SECRET = "aws.secretAccessKey";
  public static final String ACCESS_KEY_ID = "AKIASTANDINTEST00000";
  public static final String SECRET_ACCESS_KEY = "standin-secret-key-not-a-real-one";

  private String savedKey;
  private String savedSecret;

  @Override
  public void beforeAll(ExtensionContext context) {
    savedKey = System.getProperty(KEY);
    savedSecret = System.getProperty(SECRET);
    System.setProperty(KEY, ACCESS_KEY_ID);
    System.setProperty(SECRET, SECRET_ACCESS_KEY);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    restore(KEY, savedKey);
    restore(SECRET, savedSecret);
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
