// Shared by the prebuild scripts of the proxy-* ITs, which evaluate this file and call what it returns (a folder
// without pom.xml and outside every IT name pattern, so not an IT itself):
//   startProxy(basedir, standinData, jvmArgs, proxyArgs): starts dev.codeartifact.standin.CountingProxy from the
//     plugin build's test classes on a free port (port in proxy.port, request count in proxy.count, one line per
//     request in proxy.log, pid in proxy.pid, output in proxy.out, all in the IT folder) and returns the port;
//   writeSettings(file, port, username, password): writes settings naming that proxy for Maven (the repository on
//     localhost and Maven Central in nonProxyHosts, so only the token call goes through it), with the plugin group
//     and the entry that lifts Maven 3.8+'s block of plain-http repositories.
def startProxy = { File basedir, String standinData, List<String> jvmArgs, List<String> proxyArgs ->
  def testClasses = new File(new File(standinData).parentFile, "test-classes")
  def portFile = new File(basedir, "proxy.port")
  def countFile = new File(basedir, "proxy.count")
  def logFile = new File(basedir, "proxy.log")
  [portFile, logFile].each { it.delete() }
  def java = new File(System.getProperty("java.home"), "bin/java").path
  def command = [java] + jvmArgs + ["-cp", testClasses.path, "dev.codeartifact.standin.CountingProxy",
      "--port", "0", "--port-file", portFile.path, "--count-file", countFile.path, "--log-file", logFile.path] + proxyArgs
  def proc = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(basedir, "proxy.out")).start()
  new File(basedir, "proxy.pid").text = String.valueOf(proc.pid())
  for (int i = 0; i < 200 && !(portFile.isFile() && portFile.length() > 0); i++) { Thread.sleep(50) }
  assert portFile.isFile() : "the counting proxy did not start"
  portFile.text.trim()
}
def writeSettings = { File file, String port, String username, String password ->
  file.text = """<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <pluginGroups><pluginGroup>dev.codeartifact</pluginGroup></pluginGroups>
  <proxies>
    <proxy>
      <id>corp</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${port}</port>
      <username>${username}</username>
      <password>${password}</password>
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
}
[startProxy: startProxy, writeSettings: writeSettings]
