// No Maven <proxy>: the JVM's standard http.proxyHost/http.proxyPort (set in .mvn/jvm.config, written here
// because the proxy's port is only known now) must carry the API call. The API endpoint uses a made-up host
// name, which only the proxy resolves (its own -Djdk.net.hosts.file), so the JDK's default
// http.nonProxyHosts (localhost|127.*|[::1]) does not exclude it and a direct call could not succeed.
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def hosts = new File(basedir, "proxy-hosts")
hosts.text = "127.0.0.1 codeartifact-api.test\n"
def port = proxy.startProxy(basedir, standinData, ["-Djdk.net.hosts.file=" + hosts.path], [])
new File(basedir, ".mvn").mkdirs()
new File(basedir, ".mvn/jvm.config").text = "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + port + "\n"
true
