// Starts a counting HTTP proxy that requires Basic credentials (also on CONNECT) and writes the per-IT settings
// naming it; the repository (localhost) and Maven Central are in nonProxyHosts, so only the token call goes through it
// (src/it/_support/proxy.groovy).
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def port = proxy.startProxy(basedir, standinData, [], ["--auth", "alice:proxy-pw-https-never-logged-2d9b"])
proxy.writeSettings(new File(basedir, "proxy-https-auth-settings.xml"), port, "alice", "proxy-pw-https-never-logged-2d9b")
true
