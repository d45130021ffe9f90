def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-ext-nochal-apache-${mavenLabel}")
def repo = "nochallenge-ext-apache-${mavenLabel}"
check.resolvedParentAndLib(repo, "ext-nochapache")
// Every request carried the credentials: the challenge-less repository never had to refuse one.
check.neverRefused(repo)
true
