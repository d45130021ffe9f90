// Like proxy-encrypted-password (same proxy, same encrypted password), without a master password.
// naming it; the repository (localhost) and Maven Central are in nonProxyHosts, so only the token call goes through it.
def testClasses = new File(new File(standinData).parentFile, "test-classes")
def portFile = new File(basedir, "proxy.port")
def countFile = new File(basedir, "proxy.count")
def logFile = new File(basedir, "proxy.log")
[portFile, logFile].each { it.delete() }
def java = new File(System.getProperty("java.home"), "bin/java").path
def proc = new ProcessBuilder(java, "-cp", testClasses.path, "dev.codeartifact.standin.CountingProxy",
    "--port", "0", "--port-file", portFile.path, "--count-file", countFile.path, "--log-file", logFile.path,
    "--auth", "alice:proxy-pw-decrypted-9c2e")
    .redirectErrorStream(true).redirectOutput(new File(basedir, "proxy.out")).start()
new File(basedir, "proxy.pid").text = String.valueOf(proc.pid())
for (int i = 0; i < 200 && !(portFile.isFile() && portFile.length() > 0); i++) { Thread.sleep(50) }
assert portFile.isFile() : "the counting proxy did not start"
def port = portFile.text.trim()
def settings = new File(basedir, "proxy-encrypted-no-master-settings.xml")
settings.text = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <pluginGroups><pluginGroup>dev.codeartifact</pluginGroup></pluginGroups>
  <proxies>
    <proxy>
      <id>corp</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${port}</port>
      <username>alice</username>
      <password>{12gTIzoCwIkH56Vejd/ApegNStVjXAyf2T731xjmGqgJcYCB4PMA28MkETlLHM7g}</password>
      <nonProxyHosts>localhost|*.maven.org|repo.maven.apache.org|*.apache.org|*.sonatype.org</nonProxyHosts>
    </proxy>
  </proxies>
  <mirrors>
    <mirror>
      <id>maven-default-http-blocker</id>
      <mirrorOf>external:dummy-never-matches:*</mirrorOf>
      <url>http://0.0.0.0/</url>
    </mirror>
  </mirrors>
</settings>
"""
true
