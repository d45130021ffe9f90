// The invoker filters POMs, settings and .mvn/extensions.xml, not .mvn/maven.config: fill in the label here.
def config = new File(basedir, ".mvn/maven.config")
config.text = config.text.replace("@mavenLabel@", mavenLabel)

// A rerun without "clean" must fetch the protected artifacts again, or it would prove nothing.
["parent-ext-nochapache", "lib-ext-nochapache"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
