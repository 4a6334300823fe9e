package io.tradeplex.strategy.engine.template;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.tradeplex.strategy.engine.TemplateCatalog;
import io.tradeplex.strategy.engine.TemplateInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/v1/strategies/templates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    /** The templates a strategy or backtest can use, each with the JSON Schema of its {@code params}. */
    @GET
    @NonBlocking
    public List<TemplateInfo> templates() {
        return TemplateCatalog.templates();
    }
}
