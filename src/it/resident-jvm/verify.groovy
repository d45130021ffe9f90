// Runs dev.codeartifact.resident.ResidentHarness (src/test/java, compiled to target/test-classes) twice at once, in two
// child JVMs on the Maven that ran this IT (its home from the "Maven home:" line -V printed): the plugin as core
// extension and as build extension. Each has the IT environment (fake AWS keys, the stand-in as endpoint, the suite's
// token cache) and writes resident-MODE/ (project, logs) and resident-MODE-report.txt (one line per check). Both at
// once because the invoker runs one verify script at a time: one wait instead of two. Fails with the reports.
import java.util.concurrent.TimeUnit

def pom = new File("${basedir}", "pom.xml").text
def prop = { String name ->
  def m = pom =~ "<${java.util.regex.Pattern.quote(name)}>([^<]*)</"
  assert m.find() : "no <${name}> in pom.xml"
  m.group(1).trim()
}
def home = new File("${basedir}", "build.log").text =~ /(?m)^Maven home: (.+)$/
assert home.find() : "no 'Maven home:' line in build.log (invoker.goals must keep -V)"
def target = new File(prop("resident.target"))

def runs = ["core", "build"].collect { mode ->
  def report = new File("${basedir}", "resident-${mode}-report.txt")
  def output = new File("${basedir}", "resident-${mode}.log")
  report.delete()
  def command = [new File(System.getProperty("java.home"), "bin/java").path, "-Xmx512m", "-XX:+UseSerialGC",
      "-cp", new File(target, "test-classes").path, "dev.codeartifact.resident.ResidentHarness",
      "--maven-home", home.group(1).trim(), "--repo", "${localRepositoryPath}".toString(), "--standin", standinUrl,
      "--version", prop("resident.pluginVersion"), "--mode", mode, "--label", mavenLabel,
      "--work", new File("${basedir}", "resident-${mode}").path, "--report", report.path]
  def pb = new ProcessBuilder(command).directory(new File("${basedir}")).redirectErrorStream(true).redirectOutput(output)
  def env = pb.environment()
  env.keySet().removeAll(env.keySet().findAll { it.startsWith("AWS_") || it.startsWith("CODEARTIFACT_") || it == "MAVEN_ARGS" })
  // As the invoker's environmentVariables in pom.xml give every IT build.
  env.putAll([
      AWS_ACCESS_KEY_ID: prop("resident.awsAccessKeyId"),
      AWS_SECRET_ACCESS_KEY: prop("resident.awsSecretAccessKey"),
      AWS_ENDPOINT_URL_CODEARTIFACT: standinUrl,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: new File(target, "no-aws-config").path,
      AWS_SHARED_CREDENTIALS_FILE: new File(target, "no-aws-credentials").path,
      CODEARTIFACT_CACHE_DIR: new File(target, "it-cache").path,
      CI: "true"])
  [mode: mode, process: pb.start(), report: report, output: output]
}

def failures = []
runs.each { r ->
  if (!r.process.waitFor(420, TimeUnit.SECONDS)) {
    r.process.destroyForcibly()
    failures << "${r.mode}: the harness did not finish in 420 s (see ${r.output.name})"
  } else if (r.process.exitValue() != 0) {
    failures << (r.report.isFile() ? r.report.text
        : "${r.mode}: no report (see ${r.output.name}):\n" + r.output.readLines().takeRight(20).join("\n"))
  }
}

// Nothing the harness or its builds wrote may hold a token the stand-in issued.
def tokens = new URL(standinUrl + "/_standin/tokens").text.readLines().findAll { it }
runs.each { r ->
  def written = [r.output, r.report]
  def logs = new File("${basedir}", "resident-${r.mode}/logs")
  if (logs.isDirectory()) {
    logs.eachFile { written << it }
  }
  written.findAll { it.isFile() }.each { f ->
    def content = f.text
    tokens.each { t -> assert !content.contains(t.substring(0, 40)) : "an issued token appears in ${f.name}" }
  }
}
assert failures.isEmpty() : "resident harness on ${mavenLabel}:\n" + failures.join("\n")
true
