package dev.dreamnet.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A product catalog, an ordinary Spring Boot service: DreamNet comes from the starter and
 * {@code application.properties} alone. The only DreamNet names in its Java are {@code @DreamNetCall} on the pricing
 * client and the OpenFeature {@code Client} the controller reads a flag from.
 */
@SpringBootApplication
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }
}
