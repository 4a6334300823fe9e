package io.tradeplex.order.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** A topic as the service under test names it: with the test profile's prefix, which a test run may set apart. */
public final class TestTopics {
    private TestTopics() {
    }

    public static String of(String topic) {
        return ConfigProvider.getConfig().getOptionalValue("tradeplex.kafka.topic-prefix", String.class).orElse("") + topic;
    }
}
