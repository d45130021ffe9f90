// Starts a counting HTTP proxy (test classes of the plugin build) that requires Basic credentials, and writes
// the per-IT settings that point Maven's <proxies> at it. The API endpoint (http://127.0.0.1:PORT, from
// AWS_ENDPOINT_URL_CODEARTIFACT) goes through the proxy; the repository (localhost) and Maven Central are in
// nonProxyHosts, so only the token call is counted (src/it/_support/proxy.groovy).
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def port = proxy.startProxy(basedir, standinData, [], ["--auth", "alice:proxy-pw-never-logged-7f3a"])
proxy.writeSettings(new File(basedir, "proxy-maven-settings-settings.xml"), port, "alice", "proxy-pw-never-logged-7f3a")
true
