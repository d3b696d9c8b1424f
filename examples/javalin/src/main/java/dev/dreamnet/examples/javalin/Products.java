package dev.dreamnet.examples.javalin;

import io.javalin.http.NotFoundResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog, in memory: the application's own data, which needs no downstream. Immutable. */
final class Products {

    /** One product of the catalog. */
    record Product(String id, String name) {
    }

    private final Map<String, Product> byId;

    private Products(List<Product> products) {
        this.byId = Map.copyOf(products.stream().collect(Collectors.toMap(Product::id, Function.identity())));
    }

    static Products sample() {
        return new Products(List.of(new Product("1", "Espresso cup"), new Product("2", "Milk jug"),
                new Product("3", "Coffee grinder")));
    }

    /** @throws NotFoundResponse naming the id, answered as 404 */
    Product find(String id) {
        Product product = byId.get(id);
        if (product == null) {
            throw new NotFoundResponse("no product \"" + id + "\"");
        }
        return product;
    }

    /** Every other product: the optional, shed-first part of a product page. */
    List<Product> recommendedWith(String id) {
        find(id);
        return byId.values().stream().filter(p -> !p.id().equals(id)).sorted(Comparator.comparing(Product::id))
                .toList();
    }
}
