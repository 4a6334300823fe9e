package io.tradeplex.user.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs imports in the background, so a large file is never cut off by a proxy's timeout (the gateway gives an
 * upstream 15 s) and an administrator who closes the page loses nothing: the job row records the outcome.
 */
@ApplicationScoped
public class ImportJobs implements PanacheRepositoryBase<ImportJob, UUID> {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    private final UserImportService imports;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public ImportJobs(UserImportService imports, AuditTrail audit, ObjectMapper mapper, Vertx vertx) {
        this.imports = imports;
        this.audit = audit;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** Records the job, then starts it on a Vert.x context of its own (not the request's, which ends with the answer). */
    public Uni<ImportJobView> start(UUID adminId, String format, List<ImportRow> rows) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.adminId = adminId;
        job.format = format;
        job.status = ImportJob.RUNNING;
        job.total = rows.size();
        job.startedAt = now();
        return Tenant.transaction(adminId, () -> persist(job))
                .invoke(() -> {
                    Context own = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
                    VertxContextSafetyToggle.setContextSafe(own, true);
                    own.runOnContext(ignored -> run(job.id, adminId, format, rows));
                })
                .map(ignored -> view(job));
    }

    public Uni<ImportJobView> get(UUID adminId, UUID importId) {
        return Tenant.transaction(adminId, () -> findById(importId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Import"))
                .map(this::view);
    }

    private void run(UUID jobId, UUID adminId, String format, List<ImportRow> rows) {
        long started = System.nanoTime();
        imports.importUsers(adminId, rows)
                .chain(report -> finish(jobId, adminId, job -> {
                    job.status = ImportJob.DONE;
                    job.created = report.created();
                    job.failed = report.failed();
                    job.report = json(report);
                }).call(() -> audit.record(audit.allowed(adminId, adminId, "admin.users.import", UserImportResource.PATH,
                        Map.of("importId", jobId.toString(), "format", format, "total", Integer.toString(report.total()),
                                "created", Integer.toString(report.created()), "failed", Integer.toString(report.failed())))))
                        .invoke(() -> LOG.infof("Import %s done in %d ms: %d created, %d refused", jobId,
                                (System.nanoTime() - started) / 1_000_000, report.created(), report.failed())))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Import %s failed: %s", jobId, failure.toString());
                    String reason = failure instanceof ApiException api ? api.getMessage() : "The import stopped unexpectedly";
                    return finish(jobId, adminId, job -> {
                        job.status = ImportJob.FAILED;
                        job.error = reason;
                    });
                })
                .subscribe().with(ignored -> { }, failure -> LOG.errorf(failure, "Import %s could not record its outcome", jobId));
    }

    private Uni<Void> finish(UUID jobId, UUID adminId, java.util.function.Consumer<ImportJob> outcome) {
        return Tenant.transaction(adminId, () -> findById(jobId).invoke(job -> {
            outcome.accept(job);
            job.finishedAt = now();
        })).replaceWithVoid();
    }

    private ImportJobView view(ImportJob job) {
        ImportReport report = job.report == null ? null : read(job.report);
        return new ImportJobView(job.id, job.status, job.total, job.created, job.failed,
                report == null ? null : report.rows(), job.error, job.startedAt, job.finishedAt);
    }

    private String json(ImportReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportReport read(String json) {
        try {
            return mapper.readValue(json, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
