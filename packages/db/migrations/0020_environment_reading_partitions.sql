-- Environment readings partitioned by month (D-9.4; docs/scale.md).
--
-- One reading per sensor and minute makes this the largest table by far: a
-- records centre with 1,000 sensors writes 525 million rows a year. Range
-- partitions by month keep each month's index small enough to stay in memory,
-- let the charts of the last days touch one or two partitions, and let an
-- operator detach and archive a year with PostgreSQL's own tools instead of a
-- DELETE of hundreds of millions of rows. The primary key (sensor_id, at)
-- includes the partition key, so replays are still refused across partitions.
--
-- Partitions for the months around now are created here and kept ahead by
-- environment_reading_add_partitions(), which the server calls at start and
-- daily. A reading outside every monthly partition (a back-filled CSV from
-- years ago) lands in the default partition; a month whose rows already sit
-- in the default partition is left there rather than failing the call.

ALTER TABLE environment_reading RENAME TO environment_reading_unpartitioned;
ALTER TABLE environment_reading_unpartitioned RENAME CONSTRAINT environment_reading_pkey TO environment_reading_unpartitioned_pkey;
ALTER INDEX environment_reading_vault_at_idx RENAME TO environment_reading_unpartitioned_vault_at_idx;

CREATE TABLE environment_reading (
  sensor_id     uuid NOT NULL REFERENCES environment_sensor (id),
  vault_id      uuid NOT NULL,
  at            timestamptz NOT NULL,
  temperature_c real,
  humidity_pct  real,
  lux           real,
  source        text NOT NULL CHECK (source IN ('mqtt', 'http', 'csv')),
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sensor_id, at)
) PARTITION BY RANGE (at);
CREATE INDEX environment_reading_vault_at_idx ON environment_reading (vault_id, at);
CREATE TABLE environment_reading_default PARTITION OF environment_reading DEFAULT;

-- Monthly partitions (UTC month boundaries) from last month to `months_ahead`
-- months ahead; returns how many it created.
CREATE FUNCTION environment_reading_add_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', now() AT TIME ZONE 'UTC')::date - interval '1 month';
  m date;
  name text;
  made integer := 0;
BEGIN
  FOR i IN 0 .. months_ahead + 1 LOOP
    m := (first + make_interval(months => i))::date;
    name := format('environment_reading_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
    CONTINUE WHEN to_regclass(name) IS NOT NULL;
    -- Rows of this month already in the default partition: leave the month there.
    CONTINUE WHEN EXISTS (
      SELECT 1 FROM environment_reading_default
       WHERE at >= (m::timestamp AT TIME ZONE 'UTC')
         AND at < ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF environment_reading FOR VALUES FROM (%L) TO (%L)',
      name, m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    made := made + 1;
  END LOOP;
  RETURN made;
END $$;

SELECT environment_reading_add_partitions(3);
INSERT INTO environment_reading SELECT * FROM environment_reading_unpartitioned;
DROP TABLE environment_reading_unpartitioned;
