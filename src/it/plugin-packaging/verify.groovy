import java.util.jar.JarInputStream
import java.util.zip.ZipFile

assert new File(basedir, "build.log").text.contains("BUILD SUCCESS")
def version = (new File(basedir, "pom.xml").text =~ /<pluginVersion>([^<]+)<\/pluginVersion>/)[0][1]
def dir = new File(localRepositoryPath, "dev/codeartifact/codeartifact-maven-plugin/" + version)

// The POM Maven reads on every build that loads the plugin: nothing to resolve, no build section.
def pom = new File(dir, "codeartifact-maven-plugin-${version}.pom").text
assert pom.contains("<packaging>maven-plugin</packaging>")
assert pom.contains("<maven>3.6.3</maven>")
["<dependencies>", "<dependency>", "<build>", "<profiles>", "<parent>"].each {
  assert !pom.contains(it) : "the installed POM has " + it
}

// The jar Maven opens on every build: the plugin's own classes and the SDK as one nested jar.
def jar = new ZipFile(new File(dir, "codeartifact-maven-plugin-${version}.jar"))
def names = jar.entries().collect { it.name }
assert names.size() < 300 : "${names.size()} entries in the plugin jar"
assert names.contains("META-INF/maven/plugin.xml")
assert names.contains("dev/codeartifact/maven/ExtensionParticipant.class")
assert names.contains("dev/codeartifact/core/token/SdkLoader.class")
assert !names.any { it.startsWith("software/amazon/") || it.startsWith("dev/codeartifact/core/aws/") }

def nested = []
new JarInputStream(jar.getInputStream(jar.getEntry("META-INF/codeartifact/aws-sdk.jar"))).withCloseable { input ->
  for (def e = input.nextJarEntry; e != null; e = input.nextJarEntry) {
    nested << e.name
  }
}
jar.close()
[
    "dev/codeartifact/core/aws/AwsTokenSourceFactory.class",
    "dev/codeartifact/core/aws/sdk-classes.txt",
    "software/amazon/awssdk/services/codeartifact/CodeartifactClient.class",
    "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
    "software/amazon/awssdk/services/sts/StsClient.class",
    "software/amazon/awssdk/services/sso/SsoClient.class",
    "software/amazon/awssdk/services/ssooidc/SsoOidcClient.class",
].each { assert nested.contains(it) : "missing from the nested SDK jar: " + it }
assert !nested.any { it.startsWith("io/netty/") || it.startsWith("org/apache/http/")
    || it.startsWith("software/amazon/awssdk/http/apache/") || it.startsWith("software/amazon/awssdk/http/nio/") }
true
