package co.hotwax.preorder.hotwax;

/**
 * Which OMS value is the Shopify SKU of a product. HotWax stores the Shopify SKU either as the product's own id,
 * its {@code Product.internalName}, or a {@code GoodIdentification} row of a given type (e.g. {@code SKU}), per
 * its product import settings; pick the one your instance uses.
 *
 * <p>Entities: {@code Product} and {@code GoodIdentification} in {@code hotwax/ofbiz-oms-udm}
 * {@code entity/DatamodelProductEntitymodel.xml}.
 *
 * @param kind where the SKU is read from
 * @param identificationType the {@code goodIdentificationTypeId} when {@code kind} is
 *                           {@link Kind#GOOD_IDENTIFICATION}, else null
 * @since 0.1.0
 */
public record SkuMapping(Kind kind, String identificationType) {

    /** Where the SKU is read from. */
    public enum Kind {
        /** {@code OrderItem.productId} itself. */
        PRODUCT_ID,
        /** {@code Product.internalName}. */
        INTERNAL_NAME,
        /** {@code GoodIdentification.idValue} of one {@code goodIdentificationTypeId}. */
        GOOD_IDENTIFICATION
    }

    /**
     * Validates the mapping.
     *
     * @param kind where the SKU is read from
     * @param identificationType the {@code goodIdentificationTypeId} when {@code kind} is {@link
     *     Kind#GOOD_IDENTIFICATION}, else null
     * @throws IllegalArgumentException when the kind is missing, or the identification type is missing for
     *                                  {@link Kind#GOOD_IDENTIFICATION}, present for another kind, or not an OFBiz id
     */
    public SkuMapping {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == Kind.GOOD_IDENTIFICATION) {
            OmsIds.require("identificationType", identificationType);
        } else if (identificationType != null) {
            throw new IllegalArgumentException("identificationType is only for GOOD_IDENTIFICATION, was "
                    + identificationType);
        }
    }

    /**
     * The product id is the SKU.
     *
     * @return the mapping
     */
    public static SkuMapping productId() {
        return new SkuMapping(Kind.PRODUCT_ID, null);
    }

    /**
     * {@code Product.internalName} is the SKU.
     *
     * @return the mapping
     */
    public static SkuMapping internalName() {
        return new SkuMapping(Kind.INTERNAL_NAME, null);
    }

    /**
     * A {@code GoodIdentification} of one type is the SKU.
     *
     * @param goodIdentificationTypeId e.g. {@code "SKU"}
     * @return the mapping
     */
    public static SkuMapping identification(String goodIdentificationTypeId) {
        return new SkuMapping(Kind.GOOD_IDENTIFICATION, goodIdentificationTypeId);
    }
}
