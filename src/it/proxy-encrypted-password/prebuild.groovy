// Starts a counting HTTP proxy that requires alice's clear password and writes settings naming it with the
// password in Maven's encrypted form; the repository (localhost) and Maven Central are in nonProxyHosts
// (src/it/_support/proxy.groovy).
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def port = proxy.startProxy(basedir, standinData, [], ["--auth", "alice:proxy-pw-decrypted-9c2e"])
proxy.writeSettings(new File(basedir, "proxy-encrypted-password-settings.xml"), port, "alice", "{12gTIzoCwIkH56Vejd/ApegNStVjXAyf2T731xjmGqgJcYCB4PMA28MkETlLHM7g}")
true
