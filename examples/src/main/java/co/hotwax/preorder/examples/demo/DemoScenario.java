package co.hotwax.preorder.examples.demo;

import co.hotwax.preorder.examples.simulation.Scenario;
import co.hotwax.preorder.examples.simulation.ScenarioEvent;
import co.hotwax.preorder.examples.simulation.ScenarioGenerator;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.OtherChannelOrder;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.Release;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.ShopperAttempt;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange;
import co.hotwax.preorder.examples.simulation.ScenarioEvent.SupplyChange.Kind;
import co.hotwax.preorder.spi.SupplyLine;
import co.hotwax.preorder.spi.SupplyStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's scripted story: five SKUs with sample POs, three hours of launch-day shoppers, pre-orders from a
 * store's POS and one B2B order, a PO cut and a PO cancellation midway, a partial receipt with its release, and a
 * new PO. Shopper arrivals come from a fixed seed, so every run prints the same numbers.
 */
public final class DemoScenario {
    /** The first instant of the story. */
    public static final Instant START = Instant.parse("2026-05-01T09:00:00Z");
    /** How long the story lasts. */
    public static final Duration LENGTH = Duration.ofHours(3);
    /** The seed of the shopper stream. */
    public static final long SEED = 2026;
    private static final String WH = "WH-EAST";
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    static final SupplyLine JACKET_M = line("PO-1001/1", "PO-1001", "JACKET-RED-M", 40, 45);
    static final SupplyLine JACKET_L = line("PO-1001/2", "PO-1001", "JACKET-RED-L", 30, 45);
    static final SupplyLine BOOTS_A = line("PO-1002/1", "PO-1002", "BOOTS-42", 25, 60);
    static final SupplyLine BOOTS_B = line("PO-1003/1", "PO-1003", "BOOTS-42", 20, 90);
    static final SupplyLine LAMP = line("PO-1004/1", "PO-1004", "LAMP-OAK", 60, 50);
    static final SupplyLine CHAIR = line("PO-1005/1", "PO-1005", "CHAIR-GREY", 15, 70);

    private DemoScenario() {
    }

    /**
     * Builds the story.
     *
     * @return the scenario
     */
    public static Scenario create() {
        List<String> skus = List.of("JACKET-RED-M", "JACKET-RED-L", "BOOTS-42", "LAMP-OAK", "CHAIR-GREY");
        double[] popularity = {5, 3, 4, 2, 2};
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<ScenarioEvent> events = new ArrayList<>();
        long span = LENGTH.toMillis();
        for (int i = 0; i < 600; i++) {
            double u = rnd.nextDouble();
            Instant at = START.plusMillis((long) (u * u * span));
            String sku = skus.get(ScenarioGenerator.pick(rnd, popularity));
            int quantity = rnd.nextDouble() < 0.85 ? 1 : 2;
            events.add(new ShopperAttempt(at, sku, quantity, Duration.ofSeconds(60 + rnd.nextInt(241))));
        }
        for (int i = 1; i <= 10; i++) {
            events.add(new OtherChannelOrder(START.plusMillis(rnd.nextLong(span)), "POS-" + i,
                    skus.get(ScenarioGenerator.pick(rnd, popularity)), 1, "pos"));
        }
        events.add(new OtherChannelOrder(at(40), "B2B-1", "LAMP-OAK", 12, "b2b"));
        events.add(new SupplyChange(at(50), JACKET_M.withOrdered(25), Kind.CUT));
        events.add(new SupplyChange(at(70), CHAIR.withEta(CHAIR.eta().plusDays(14)), Kind.ETA_CHANGE));
        events.add(new SupplyChange(at(90), BOOTS_A.withStatus(SupplyStatus.CANCELLED), Kind.CANCEL));
        events.add(new SupplyChange(at(120), LAMP.withReceived(30), Kind.RECEIPT));
        events.add(new Release(at(125), "LAMP-OAK"));
        events.add(new SupplyChange(at(140), line("PO-1006/1", "PO-1006", "CHAIR-GREY", 20, 100), Kind.NEW));
        return new Scenario("demo", START, START.plus(LENGTH), skus,
                List.of(JACKET_M, JACKET_L, BOOTS_A, BOOTS_B, LAMP, CHAIR), events);
    }

    /**
     * The story in a few lines, for the demo's output.
     *
     * @return the description
     */
    public static List<String> story() {
        return List.of(
                "5 SKUs on 5 POs; 600 checkout attempts on Shopify over 3 hours (most in the first hour),",
                "orders imported by the OMS 1-5 minutes after checkout; 10 POS pre-orders and a B2B order of 12 lamps",
                "at 0:40; PO-1001/1 (JACKET-RED-M) cut from 40 to 25 at 0:50; CHAIR-GREY's ETA pushed 2 weeks at 1:10;",
                "PO-1002 (25 BOOTS-42) cancelled at 1:30; 30 lamps received at 2:00 and released at 2:05;",
                "a new PO of 20 CHAIR-GREY at 2:20.");
    }

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static SupplyLine line(String lineId, String poId, String sku, long ordered, int etaDays) {
        return new SupplyLine(lineId, poId, sku, WH, ordered, 0, 0, TODAY.plusDays(etaDays), SupplyStatus.OPEN, 0);
    }
}
