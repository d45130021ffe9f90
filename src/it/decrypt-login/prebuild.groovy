// The plugin's jar as the file Maven's core class path names (.mvn/codeartifact.jar).
evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/core-class-path-jar.groovy"))(localRepositoryPath, basedir)
// A rerun without "clean" starts from no settings file, no security file, and the artifact not downloaded.
new File(basedir, "user-settings.xml").delete()
new File(basedir, "target/security").deleteDir()
new File(localRepositoryPath, "dev/codeartifact/protected/lib-decrypt-login").deleteDir()
true
