package cn.minzheng.verification.core.store;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBValue;

/**
 * The table function through which normalised records reach DuckDB: {@code <name>(job)} yields the rows of a src_
 * table (or, in the residue pass, of a res_ table) for the load job with that id. Dates are yielded as INTEGER epoch
 * days; the insert turns them into DATE.
 */
final class NormaliseFunction implements DuckDBTableFunction<LoadJob, LoadJob, ChunkState> {

    @Override
    public LoadJob bind(DuckDBTableFunctionBindInfo info) {
        long id;
        try (DuckDBValue value = info.getParameter(0)) {
            id = value.getLong();
        }
        LoadJob job = SourceLoader.JOBS.get(id);
        if (job == null) {
            throw new IllegalStateException("no load job " + id);
        }
        info.addResultColumn("record_id", DuckDBColumnType.VARCHAR);
        info.addResultColumn("id_key", DuckDBColumnType.BIGINT);
        info.addResultColumn("id_status", DuckDBColumnType.TINYINT);
        info.addResultColumn("name_hash", DuckDBColumnType.BIGINT);
        info.addResultColumn("gender", DuckDBColumnType.TINYINT);
        info.addResultColumn("birth_date", DuckDBColumnType.INTEGER);
        for (Column column : job.source.ownColumns()) {
            info.addResultColumn(
                    column.name(),
                    switch (column.type()) {
                        case TEXT -> DuckDBColumnType.VARCHAR;
                        case DATE, MONTH, INTEGER -> DuckDBColumnType.INTEGER;
                        case MONEY -> DuckDBColumnType.BIGINT;
                        case DECIMAL -> DuckDBColumnType.DOUBLE;
                    });
        }
        info.addResultColumn("name_recorded", DuckDBColumnType.VARCHAR);
        if (job.residuePass()) {
            info.addResultColumn("id_text", DuckDBColumnType.VARCHAR);
            info.addResultColumn("name", DuckDBColumnType.VARCHAR);
        } else if (job.source.keepsNameText()) {
            info.addResultColumn("name", DuckDBColumnType.VARCHAR);
        }
        return job;
    }

    @Override
    public LoadJob init(DuckDBTableFunctionInitInfo info) {
        LoadJob job = info.getBindData();
        info.setMaxThreads(job.residuePass() ? 1 : job.threads);
        return job;
    }

    @Override
    public ChunkState localInit(DuckDBTableFunctionInitInfo info) {
        LoadJob job = info.getBindData();
        return job.newState();
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) throws Exception {
        ChunkState state = info.getLocalInitData();
        try {
            return state.fill(out);
        } catch (Throwable t) {
            state.job.fail(t);
            throw t;
        }
    }
}
