// The invoker filters POMs, settings and .mvn/extensions.xml, not .mvn/maven.config: fill in the label here.
def config = new File(basedir, ".mvn/maven.config")
config.text = config.text.replace("@mavenLabel@", mavenLabel)
["parent-ext-strict", "lib-ext-strict"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
