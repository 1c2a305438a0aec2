package co.hotwax.preorder.cli.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {
    private static final List<String> REQUIRED = List.of("--location", "gid://shopify/Location/1", "--supply", "r.csv");

    private static CliOptions parse(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(REQUIRED);
        args.addAll(List.of(extra));
        return CliOptions.parse(args, env);
    }

    @Test
    void readsBothFlagFormsAndDefaultsToADryRun() {
        CliOptions options = parse(Map.of(), "--shop=a.myshopify.com", "--endpoint", "http://127.0.0.1:9",
                "--batch-size=7", "--quiet");

        assertThat(options.shop()).isEqualTo("a.myshopify.com");
        assertThat(options.supply()).isEqualTo(Path.of("r.csv"));
        assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(options.batchSize()).isEqualTo(7);
        assertThat(options.apply()).isFalse();
        assertThat(options.quiet()).isTrue();
        assertThat(options.preOrders()).isNull();
    }

    @Test
    void theShopFlagWinsOverTheEnvironment() {
        assertThat(parse(Map.of("SHOPIFY_SHOP", "env.myshopify.com")).shop()).isEqualTo("env.myshopify.com");
        assertThat(parse(Map.of("SHOPIFY_SHOP", "env.myshopify.com"), "--shop", "flag.myshopify.com").shop())
                .isEqualTo("flag.myshopify.com");
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(CliOptions.parse(List.of("-h"), Map.of()).help()).isTrue();
    }

    @Test
    void versionNeedsNothingElseAndHelpWinsOverIt() {
        CliOptions version = CliOptions.parse(List.of("--version"), Map.of());
        CliOptions both = CliOptions.parse(List.of("--version", "--help"), Map.of());

        assertThat(version.version()).isTrue();
        assertThat(version.help()).isFalse();
        assertThat(both.help()).isTrue();
        assertThat(both.version()).isFalse();
    }

    @Test
    void theVerbsChooseWhatRunsAndTheOldSwitchesStillDo() {
        Map<String, String> env = Map.of("SHOPIFY_SHOP", "s.myshopify.com");

        assertThat(parse(env, "plan").apply()).isFalse();
        assertThat(parse(env, "plan").check()).isFalse();
        assertThat(parse(env, "apply").apply()).isTrue();
        assertThat(parse(env, "--apply").apply()).isTrue();
        assertThat(parse(env, "--dry-run").apply()).isFalse();
        assertThat(parse(env, "check").check()).isTrue();
        assertThat(parse(env, "check").apply()).isFalse();
        assertThatThrownBy(() -> parse(env, "check", "--apply")).hasMessageContaining("check writes nothing");
        assertThatThrownBy(() -> parse(env, "plan", "--apply")).hasMessageContaining("plan writes nothing");
        assertThatThrownBy(() -> parse(env, "apply", "--dry-run")).hasMessageContaining("apply writes");
        assertThatThrownBy(() -> parse(env, "apply", "plan")).hasMessageContaining("unexpected argument \"plan\"");
    }

    @Test
    void wrongCommandLinesNameTheOption() {
        Map<String, String> env = Map.of("SHOPIFY_SHOP", "s.myshopify.com");
        assertThatThrownBy(() -> parse(env, "--dry-run", "--apply")).hasMessageContaining("contradict");
        assertThatThrownBy(() -> parse(env, "--batch-size", "251")).hasMessageContaining("--batch-size \"251\"");
        assertThatThrownBy(() -> parse(env, "--batch-size", "x")).hasMessageContaining("from 1 to 250");
        assertThatThrownBy(() -> parse(env, "--endpoint", "not a url")).hasMessageStartingWith("--endpoint");
        assertThatThrownBy(() -> parse(env, "stray")).hasMessageContaining("unexpected argument \"stray\"");
        assertThatThrownBy(() -> parse(env, "--apply=yes")).hasMessageContaining("--apply (takes no value)");
        assertThatThrownBy(() -> parse(env, "--preorders")).hasMessage("--preorders needs a value");
        assertThatThrownBy(() -> parse(Map.of())).hasMessageContaining("--shop is required (or set SHOPIFY_SHOP)");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--shop", "s"), Map.of())).hasMessage("--location is required");
        assertThatThrownBy(() -> parse(env, "--token=abc")).hasMessageContaining("--token is not accepted")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> parse(Map.of(), "--shop", "shop.example.com")).hasMessageContaining("must end in .myshopify.com");
        assertThatThrownBy(() -> parse(Map.of(), "--shop", "a.myshopify.com.evil.io")).hasMessageContaining(".myshopify.com");
        assertThat(parse(Map.of(), "--shop", "sim.local", "--endpoint", "http://127.0.0.1:9").shop()).isEqualTo("sim.local");
    }
}
