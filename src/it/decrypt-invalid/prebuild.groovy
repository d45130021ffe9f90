// The plugin's jar as the file Maven's core class path names (.mvn/codeartifact.jar).
evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/core-class-path-jar.groovy"))(localRepositoryPath, basedir)
// A rerun without "clean" must ask for the protected artifact again.
["lib-decrypt-invalid"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
new File(basedir, "target/security").deleteDir()
true
