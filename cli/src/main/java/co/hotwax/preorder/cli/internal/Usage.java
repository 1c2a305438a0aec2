package co.hotwax.preorder.cli.internal;

/** The text {@code --help} prints. */
public final class Usage {
    /** The usage text, ending with a line break. */
    public static final String TEXT = """
            Usage: preorder-sync check --shop SHOP --location LOCATION_GID [--supply RECEIPTS.csv] [--format json]
                   preorder-sync plan  --shop SHOP --location LOCATION_GID --supply RECEIPTS.csv [options]
                   preorder-sync apply --shop SHOP --location LOCATION_GID --supply RECEIPTS.csv [options]
                   preorder-sync --version | --help

            Computes how many units of each SKU may still be pre-ordered from the expected receipts minus the
            pre-orders already taken, and shows (plan) or writes (apply) that quantity in one Shopify store.

              check                  only check the store's setup (scopes, API version, locations) and, with
                                     --supply, each SKU's (stocked elsewhere, selling plans, ...); write nothing
              plan                   check the store, read it and print what would change; write nothing
                                     (also without a verb, or with --dry-run)
              apply                  print the same plan, then write the changes (also --apply without a verb)

              --shop SHOP            the store, e.g. my-store.myshopify.com (or env SHOPIFY_SHOP); must end in
                                     .myshopify.com unless --endpoint is given
              --location GID         the dedicated pre-order location, e.g. gid://shopify/Location/1
              --supply PATH          expected receipts CSV: receipt_id,document,sku,facility,quantity,
                                     expected_date[,received,cancelled,status,buffer] (or caps: sku,quantity,
                                     expected_date)
              --preorders PATH       pre-orders already taken, CSV: order_id,line_id,sku,quantity,placed_at,
                                     channel[,status]; placed_at like 2026-05-01T10:00:00Z; channel is the shop
                                     domain for this store's own orders; status OPEN (default), RELEASED,
                                     CANCELLED or RETURNED
              --format table|json    how check prints its findings (default table)
              --token-file PATH      read the Admin API access token from this file instead of the environment
              --api-version V        Admin API version, 2026-04 or later (default 2026-04)
              --endpoint URL         another base address, e.g. a simulator's http://127.0.0.1:8080
              --strict               stop at the first bad CSV row (exit 2) instead of skipping it
              --batch-size N         SKUs per request batch, 1..250 (default 250)
              --progress             show the progress bar even when stderr is not a terminal
              --quiet                print only the summary and errors
              --version              print the version
              -h, --help             print this help

            The access token comes from the environment variable SHOPIFY_ACCESS_TOKEN or from --token-file; it is
            never accepted as a flag value, because command lines are visible to every user in `ps`.

            Exit codes: 0 success or no changes needed (check: no blocker); 1 some items rejected or still to
            retry (check, plan: a blocking finding); 2 usage or input
            error (bad flags, unreadable CSV or token file, a token with spaces or control characters, a bad row
            with --strict); 3 the store cannot be reached, redirected the request, or refused the token.
            """;

    private Usage() {
    }
}
