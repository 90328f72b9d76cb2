# newsflow runtime image. Build the jar first (mvn -DskipTests package), then:
#   docker build -t newsflow:latest .
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/newsflow.jar /app/newsflow.jar
ENV JAVA_OPTS="-Xmx2g"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn -jar /app/newsflow.jar \"$@\"", "--"]
CMD ["--help"]
