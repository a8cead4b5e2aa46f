package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void close_closesLastOpenedFirst() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.register(() -> closed.add("pool"));
        lifecycle.register(() -> closed.add("cache"));

        lifecycle.close();

        assertThat(closed).containsExactly("cache", "pool");
    }

    @Test
    void register_afterClose_closesWhatItIsGivenAndRefuses() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.close();

        assertThatThrownBy(() -> lifecycle.register(() -> closed.add("pool opened too late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(closed).containsExactly("pool opened too late");
    }
}
