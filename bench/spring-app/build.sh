#!/usr/bin/env bash
# Builds bench/spring-app as executable jars: target/plain.jar (Spring Boot web + actuator), target/dreamnet.jar (the
# same with dreamnet-spring-boot-starter), and the service the issue's start-time goal names,
# target/reference-plain.jar (web, actuator, Resilience4j, JDBC with H2) and target/reference-dreamnet.jar (the same
# with the starter), and that service moved to DreamNet: target/migrated-dreamnet.jar (web, actuator, JDBC with H2 and
# the starter, no Resilience4j) against target/migrated-plain.jar (a copy of reference-plain.jar), and
# target/embedded-dreamnet.jar: the reference service with DreamNet's runtime and no starter, started by hand with
# -Dbench.embedded=true (against embedded-plain.jar, another copy). DreamNet's artifacts come from the repository the examples' build made from this checkout
# (`mvn -B -pl examples-it -am verify -DskipTests`), read offline, or from your local repository
# (`mvn -B install -DskipTests -Dinvoker.skip` at the root), whichever holds the newer build; it says which.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="$root/bench/spring-app"
repo=()
# The newer of the two, so that a repository left by an earlier build never stands in for what was installed since.
jar=dev/dreamnet/dreamnet-spring-boot-autoconfigure/0.1.0-SNAPSHOT/dreamnet-spring-boot-autoconfigure-0.1.0-SNAPSHOT.jar
examples="$root/examples-it/target/local-repo/$jar"
if [ -f "$examples" ] && { [ ! -f "$HOME/.m2/repository/$jar" ] || [ "$examples" -nt "$HOME/.m2/repository/$jar" ]; }; then
  # As the examples' build does: DreamNet from its repository, everything else from yours, no network.
  settings="$(mktemp)"
  trap 'rm -f "$settings"' EXIT
  cat >"$settings" <<XML
<settings><mirrors><mirror><id>local</id><url>file://$HOME/.m2/repository</url><mirrorOf>*</mirrorOf></mirror></mirrors>
<profiles><profile><id>local</id>
<repositories><repository><id>central</id><url>file://$HOME/.m2/repository</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
<pluginRepositories><pluginRepository><id>central</id><url>file://$HOME/.m2/repository</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>
XML
  repo=(-s "$settings" -Dmaven.repo.local="$root/examples-it/target/local-repo")
  echo "DreamNet from examples-it/target/local-repo (built $(date -r "$examples" '+%F %T'))"
else
  echo "DreamNet from ~/.m2/repository (built $(date -r "$HOME/.m2/repository/$jar" '+%F %T' 2>/dev/null || echo never))"
fi
# Each variant from a clean build; the jars wait in a scratch directory, as each clean empties target/.
built="$(mktemp -d)"
variant() { # name, then the Maven profiles
  local name="$1" profiles="$2"
  mvn -B -q -f "$app/pom.xml" "${repo[@]}" clean package ${profiles:+-P"$profiles"}
  local out="$app/target"
  case ",$profiles," in *,dreamnet,*) out="$app/target/dreamnet" ;; *,runtime,*) out="$app/target/runtime" ;; esac
  cp "$out/spring-app-1.0.0-SNAPSHOT.jar" "$built/$name.jar"
}
variant plain ""
variant dreamnet dreamnet
variant reference-plain resilience4j,jdbc
variant reference-dreamnet resilience4j,jdbc,dreamnet
# The reference service moved from Resilience4j to DreamNet, against the reference service as it was.
variant migrated-dreamnet jdbc,dreamnet
cp "$built/reference-plain.jar" "$built/migrated-plain.jar"
# The reference service with DreamNet's runtime started by hand (-Dbench.embedded=true), no starter.
variant embedded-dreamnet resilience4j,jdbc,runtime
cp "$built/reference-plain.jar" "$built/embedded-plain.jar"
mkdir -p "$app/target"
mv "$built"/*.jar "$app/target/"
rmdir "$built"
echo "built $app/target/{,reference-,migrated-,embedded-}{plain,dreamnet}.jar"
