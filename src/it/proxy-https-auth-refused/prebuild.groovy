// Like proxy-https-auth, but settings.xml holds a wrong proxy password (src/it/_support/proxy.groovy).
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def port = proxy.startProxy(basedir, standinData, [], ["--auth", "alice:proxy-pw-https-never-logged-2d9b"])
proxy.writeSettings(new File(basedir, "proxy-https-auth-refused-settings.xml"), port, "alice", "not-the-proxy-password-0c4f")
true
