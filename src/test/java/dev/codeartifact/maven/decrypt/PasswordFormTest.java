package dev.codeartifact.maven.decrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordFormTest {
  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void keysInAnyOrderWithBlanks() {
    assertEquals(map("region", "us-gov-west-1", "domain", "my-domain-2", "owner", "111122223333", "profile", "dev"),
        PasswordForm.parse(" region=us-gov-west-1, domain = my-domain-2,OWNER=111122223333,profile=dev "));
  }

  @Test
  void aBareItemIsADomainOrARepositoryUrl() {
    assertEquals(map("domain", "my-domain"), PasswordForm.parse("my-domain"));
    String url = "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/releases/";
    assertEquals(map("url", url, "profile", "ci"), PasswordForm.parse(url + ",profile=ci"));
    assertEquals(map("url", url), PasswordForm.parse("url=" + url));
  }

  @Test
  void eachSyntaxErrorIsOneLineNamingTheItem() {
    assertInvalid("domain=d1,colour=blue", "'colour' is not a key");
    assertInvalid("", "it is empty");
    assertInvalid("domain=d1,,owner=111122223333", "an item is empty");
    assertInvalid("domain=", "domain= has no value");
    assertInvalid("domain=d1,domain=d2", "domain is given twice");
    assertInvalid("owner=111122223333", "it names no domain");
    assertInvalid("url=https://x-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r/,region=us-east-1",
        "url gives the domain, owner and region: do not give region too");
  }

  private static void assertInvalid(String payload, String problem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordForm.parse(payload));
    assertTrue(e.getMessage().startsWith("Invalid CodeArtifact password {[...]" + payload + "} in settings.xml: "
        + problem + "; allowed: comma-separated domain=, owner=, region=, profile="), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void valuesAreValidatedWithThePluginsRulesBeforeAnyNetworkCall() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CodeArtifactPasswords.decrypt("domain=My_Domain,region=us-east-1"));
    assertEquals("Invalid CodeArtifact password {[...]domain=My_Domain,region=us-east-1} in settings.xml: domain"
        + " 'My_Domain': a domain name is 2 to 50 characters: lowercase letters, digits and hyphens, starting with"
        + " a letter and not ending with a hyphen", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> CodeArtifactPasswords.decrypt("domain=d1,owner=12345"));
    assertTrue(e.getMessage().contains(": owner '12345': the domain owner is an AWS account id of exactly 12 digits"),
        e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> CodeArtifactPasswords.decrypt("url=https://repo.example.com/maven/r/"));
    assertTrue(e.getMessage().contains(": url 'https://repo.example.com/maven/r/': a CodeArtifact repository URL"),
        e.getMessage());
  }

  @Test
  void formatWritesTheFormOfTheRunningMaven() {
    assertEquals("{[type=codeartifact]domain=d1,owner=111122223333,region=us-east-1,profile=p}",
        PasswordForm.format("d1", "111122223333", "us-east-1", "p", false));
    assertEquals("{[type=codeartifact,name=codeartifact,version=1]domain=d1}",
        PasswordForm.format("d1", null, null, null, true));
    assertEquals(map("domain", "d1", "region", "us-east-1"),
        PasswordForm.parse("domain=d1,region=us-east-1"));
  }

  @Test
  void recognisesOurFormsOnly() {
    assertTrue(PasswordForm.isCodeArtifactForm("{[type=codeartifact]d1}"));
    assertTrue(PasswordForm.isCodeArtifactForm("{[type=codeartifact,name=codeartifact,version=1]d1}"));
    assertTrue(PasswordForm.isCodeArtifactForm("{[name=codeartifact,version=1]d1}"));
    assertTrue(PasswordForm.isCodeArtifactForm("{[version=1, type=codeartifact]d1}"));
    assertFalse(PasswordForm.isCodeArtifactForm("{[type=codeartifactx]d1}"));
    assertFalse(PasswordForm.isCodeArtifactForm("{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}"));
    assertFalse(PasswordForm.isCodeArtifactForm("{[name=master,version=4.0]abc}"));
    assertFalse(PasswordForm.isCodeArtifactForm("type=codeartifact"));
    assertFalse(PasswordForm.isCodeArtifactForm(null));
  }

  @Test
  void passwordFormParameter() throws Exception {
    assertFalse(DecryptLogin.isDecryptForm(null));
    assertFalse(DecryptLogin.isDecryptForm("token"));
    assertTrue(DecryptLogin.isDecryptForm(" decrypt "));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DecryptLogin.isDecryptForm("Decrypt"));
    assertEquals("Invalid codeartifact.passwordForm 'Decrypt': token (write a token, valid up to 12 hours) or decrypt"
        + " (write a password Maven decrypts into a token in every build: no secret in settings.xml)", e.getMessage());
  }
}
