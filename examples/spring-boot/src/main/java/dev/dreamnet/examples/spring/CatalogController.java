package dev.dreamnet.examples.spring;

import dev.openfeature.sdk.Client;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog's routes. A product needs nothing but memory; its price comes from the pricing service and falls back
 * to none while pricing fails or its breaker is open; the sale badge is a flag read through OpenFeature;
 * recommendations are bound to the {@code recommendations} flag in {@code application.properties}, so DreamNet refuses
 * them with 503 while it is off (brownout) without a line here.
 */
@RestController
public class CatalogController {

    /** What {@code GET /api/products/{id}/price} answers; {@code fallback} is true when pricing did not answer. */
    public record Price(String id, BigDecimal price, boolean fallback, String badge) {
    }

    private static final BigDecimal SALE_BELOW = new BigDecimal("15");

    private final Products products;
    private final PricingClient pricing;
    private final Client features;

    public CatalogController(Products products, PricingClient pricing, Client features) {
        this.products = products;
        this.pricing = pricing;
        this.features = features;
    }

    @GetMapping("/api/products/{id}")
    public Products.Product product(@PathVariable String id) {
        return products.find(id);
    }

    @GetMapping("/api/products/{id}/price")
    public Price price(@PathVariable String id) throws InterruptedException {
        products.find(id);
        BigDecimal price;
        try {
            price = pricing.price(id);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // Pricing failed, timed out or its breaker is open: the page shows no price rather than failing.
            return new Price(id, null, true, null);
        }
        boolean badges = features.getBooleanValue("price-badges", false);
        return new Price(id, price, false, badges && price.compareTo(SALE_BELOW) < 0 ? "sale" : null);
    }

    @GetMapping("/api/products/{id}/recommendations")
    public List<Products.Product> recommendations(@PathVariable String id) {
        return products.recommendedWith(id);
    }
}
