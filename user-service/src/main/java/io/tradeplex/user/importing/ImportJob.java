package io.tradeplex.user.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One bulk import and, once it is done, its report. */
@Entity
@Table(name = "import_jobs")
public class ImportJob {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "admin_id", nullable = false)
    public UUID adminId;
    @Column(nullable = false)
    public String format;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int total;
    public Integer created;
    public Integer failed;
    /** The {@link ImportReport} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    public String error;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
