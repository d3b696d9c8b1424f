package dev.dreamnet.examples.spring;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The catalog, in memory: the application's own data, which needs no downstream. Immutable. */
@Component
public class Products {

    /** One product of the catalog. */
    public record Product(String id, String name) {
    }

    private final Map<String, Product> byId = Map.copyOf(List.of(new Product("1", "Espresso cup"),
            new Product("2", "Milk jug"), new Product("3", "Coffee grinder")).stream()
            .collect(Collectors.toMap(Product::id, Function.identity())));

    /** @throws ResponseStatusException 404 naming the id */
    public Product find(String id) {
        Product product = byId.get(id);
        if (product == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no product \"" + id + "\"");
        }
        return product;
    }

    /** Every other product: the optional, shed-first part of a product page. */
    public List<Product> recommendedWith(String id) {
        find(id);
        return byId.values().stream().filter(p -> !p.id().equals(id)).sorted(Comparator.comparing(Product::id))
                .toList();
    }
}
