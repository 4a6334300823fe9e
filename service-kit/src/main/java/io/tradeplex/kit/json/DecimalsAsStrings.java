package io.tradeplex.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tradeplex.contracts.EventJson;
import jakarta.inject.Singleton;

/** The REST API writes money and quantities as decimal strings, exactly like the events (JSON numbers are accepted). */
@Singleton
public class DecimalsAsStrings implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
