def fresh = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/fresh-runner-checks.groovy"))(basedir, standinUrl, mavenLabel, "fresh-ecp")
// The plugin came from .mvn/codeartifact.jar only: Maven never resolved it.
assert !new File(fresh, "dev/codeartifact/codeartifact-maven-plugin").exists()
true
