def domain = "denied-it-${mavenLabel}"
def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def what = "domain ${domain} (owner caller's account, region us-west-2)"
// Seconds Maven reports in "Total time:" (e.g. "3.456 s" or "01:02 min").
def totalSeconds = {
  def m = (log =~ /Total time:\s+([0-9:.]+) (s|min)/)
  assert m.find()
  m.group(2) == "s" ? Double.parseDouble(m.group(1)) : { def p = m.group(1).split(":"); p[0].toInteger() * 60 + Double.parseDouble(p[1]) }()
}
def noStackTrace = { assert !log.contains("\tat dev.codeartifact") && !log.contains("\tat software.amazon") : "a stack trace without -e" }
def noIssuedToken = { standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" } }
assert log.contains("[ERROR] Access denied getting a CodeArtifact token for ${what}: the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and sts:GetServiceBearerToken (AWS: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: codeartifact:GetAuthorizationToken")
assert standin("/_standin/count?domain=${domain}") == "1"
noStackTrace()
true
