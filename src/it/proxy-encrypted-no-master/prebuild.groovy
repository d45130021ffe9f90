// Like proxy-encrypted-password (same proxy, same encrypted password), without a master password
// (src/it/_support/proxy.groovy).
def proxy = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/proxy.groovy"))
def port = proxy.startProxy(basedir, standinData, [], ["--auth", "alice:proxy-pw-decrypted-9c2e"])
proxy.writeSettings(new File(basedir, "proxy-encrypted-no-master-settings.xml"), port, "alice", "{12gTIzoCwIkH56Vejd/ApegNStVjXAyf2T731xjmGqgJcYCB4PMA28MkETlLHM7g}")
true
