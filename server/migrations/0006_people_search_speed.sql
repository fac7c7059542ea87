-- County-scale people lists and searches (200,000 residents; see bench/README.md).

-- The people list is ordered by name: with this index its first page stops after 20 rows.
CREATE INDEX people_name_id_idx ON people (name, id);

-- pg_trgm cannot index a one- or two-character term, and Chinese names are searched by exactly
-- those (a surname, a given name). Every 1- and 2-character piece of a name, GIN-indexed, finds them.
CREATE FUNCTION name_grams(s text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(s), i, len)), '{}')
    FROM generate_series(1, char_length(s)) AS i, (VALUES (1), (2)) AS l(len)
   WHERE i + len - 1 <= char_length(s)
$$;

ALTER TABLE people ADD COLUMN name_grams text[] GENERATED ALWAYS AS (name_grams(name)) STORED;
CREATE INDEX people_name_grams_idx ON people USING gin (name_grams);
