// No Maven <proxy>: the JVM's standard http.proxyHost/http.proxyPort (set in .mvn/jvm.config, written here
// because the proxy's port is only known now) must carry the API call. The API endpoint uses a made-up host
// name, which only the proxy resolves (its own -Djdk.net.hosts.file), so the JDK's default
// http.nonProxyHosts (localhost|127.*|[::1]) does not exclude it and a direct call could not succeed.
def testClasses = new File(new File(standinData).parentFile, "test-classes")
def portFile = new File(basedir, "proxy.port")
def countFile = new File(basedir, "proxy.count")
portFile.delete()
def hosts = new File(basedir, "proxy-hosts")
hosts.text = "127.0.0.1 codeartifact-api.test\n"
def java = new File(System.getProperty("java.home"), "bin/java").path
def proc = new ProcessBuilder(java, "-Djdk.net.hosts.file=" + hosts.path, "-cp", testClasses.path,
    "dev.codeartifact.standin.CountingProxy", "--port", "0", "--port-file", portFile.path, "--count-file", countFile.path)
    .redirectErrorStream(true).redirectOutput(new File(basedir, "proxy.out")).start()
new File(basedir, "proxy.pid").text = String.valueOf(proc.pid())
for (int i = 0; i < 200 && !(portFile.isFile() && portFile.length() > 0); i++) { Thread.sleep(50) }
assert portFile.isFile() : "the counting proxy did not start"
new File(basedir, ".mvn").mkdirs()
new File(basedir, ".mvn/jvm.config").text = "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + portFile.text.trim() + "\n"
true
