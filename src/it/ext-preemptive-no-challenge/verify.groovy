def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-ext-nochal-${mavenLabel}")
def repo = "nochallenge-ext-${mavenLabel}"
check.resolvedParentAndLib(repo, "ext-nochallenge")
// Every request carried the credentials: the challenge-less repository never had to refuse one.
check.neverRefused(repo)
true
