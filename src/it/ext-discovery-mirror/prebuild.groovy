// The JDK resolves host names from this file only (-Djdk.net.hosts.file=hosts, relative to the IT folder,
// Maven's working directory): the mirror's CodeArtifact host name goes to the stand-in on loopback.
new File(basedir, "hosts").text = """127.0.0.1 localhost
::1 localhost
127.0.0.1 ext-disc-${mavenLabel}-111122223333.d.codeartifact.us-west-2.amazonaws.com
"""

// A rerun without "clean" must fetch the protected artifacts again, or it would prove nothing.
["parent-ext-disc", "bom-ext-disc"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
