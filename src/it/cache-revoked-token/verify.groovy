// The assertions are shared with the other revoked-token IT (src/it/_support/revoked-token.groovy).
def verify = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/revoked-token.groovy"))
verify(basedir, localRepositoryPath, standinUrl, "lib-cache-revoked-token")
