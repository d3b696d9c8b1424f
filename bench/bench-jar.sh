# Sourced by the bench scripts: builds bench/target/benchmarks.jar when it is missing or older than any main source
# or POM of the modules it is built from. Needs $root (the repository) and $bench (the jar's path).
bench_jar_stale() {
  [ ! -f "$bench" ] || [ -n "$(find "$root"/pom.xml "$root"/{bench,core,config,jdbc,rabbitmq,runtime,javalin,openfeature} \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$bench" -print -quit)" ]
}
if bench_jar_stale; then
  echo "building $bench"
  (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests)
fi
