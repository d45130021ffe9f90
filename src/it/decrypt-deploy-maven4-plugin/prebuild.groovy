// The plugin's jar as the file Maven's core class path names (.mvn/codeartifact.jar).
evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/core-class-path-jar.groovy"))(localRepositoryPath, basedir)
true
