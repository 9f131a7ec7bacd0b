-- Catalogue search for clients (Annex 1 §10): title words and reference-code
-- prefixes over millions of catalogue items, on both database modes.
--
-- Most Chinese search words are two characters, which a trigram index cannot
-- serve (a two-character query yields no whole trigram, so `%湿地%` scans).
-- Titles are indexed by their character bigrams instead: the title is
-- normalised (NFKC: full-width to half-width; ASCII lower case), cut at
-- punctuation and whitespace, and every pair of adjacent characters inside a
-- run is kept once. A query of two or more characters asks for all of its
-- bigrams (`@>`) and is rechecked with LIKE on the normalised title.
--
-- The bigrams are a column, computed by the application with the same pure
-- function the query side uses (packages/domain/src/retrieval/search-text.ts,
-- titleSearchBigrams): the catalogue import writes them in its COPY or INSERT,
-- so a million-row import pays no per-row SQL function (an expression index
-- on a plpgsql function cost 20–40 µs a title and made the import 2.5× slower).
-- Other insert paths (demo, tests, psql) leave the column NULL and a trigger
-- fills it with catalogue_search_bigrams(), the SQL twin of that function; the
-- API tests check that both agree.

-- Separators: whitespace, ASCII / Latin-1 / general / CJK / vertical / full-width punctuation.
CREATE FUNCTION catalogue_search_bigrams(title text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, 2)), '{}')
    FROM regexp_split_to_table(lower(normalize(title, NFKC) COLLATE "C"),
      '[\s!-/:-@\[-`{-~\u00a0-\u00bf\u1680\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\ufeff]+') AS w,
      generate_series(1, length(w) - 1) AS i
$$;

-- The text a query's LIKE pattern is matched against (the recheck).
CREATE FUNCTION catalogue_search_text(title text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(lower(normalize(title, NFKC) COLLATE "C"), '\s+', ' ', 'g')
$$;

-- Existing rows (a database that already holds catalogues) get their bigrams
-- before the column is guarded; confirmed catalogues' rows are frozen (D-8.2)
-- by catalogue_item_frozen, which this one-off backfill steps around.
ALTER TABLE catalogue_item ADD COLUMN title_bigrams text[];
ALTER TABLE catalogue_item DISABLE TRIGGER catalogue_item_frozen;
UPDATE catalogue_item SET title_bigrams = catalogue_search_bigrams(title) WHERE title IS NOT NULL;
ALTER TABLE catalogue_item ENABLE TRIGGER catalogue_item_frozen;

-- Fills the bigrams when the writer did not, and keeps them in step with the
-- title (an UPDATE of a draft catalogue's title; confirmed rows cannot change).
CREATE FUNCTION catalogue_item_title_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.title_bigrams IS NULL AND NEW.title IS NOT NULL THEN
      NEW.title_bigrams := catalogue_search_bigrams(NEW.title);
    END IF;
  ELSIF NEW.title IS DISTINCT FROM OLD.title AND NEW.title_bigrams IS NOT DISTINCT FROM OLD.title_bigrams THEN
    NEW.title_bigrams := catalogue_search_bigrams(NEW.title);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER catalogue_item_title_bigrams BEFORE INSERT OR UPDATE OF title ON catalogue_item
  FOR EACH ROW EXECUTE FUNCTION catalogue_item_title_bigrams();

-- fastupdate: an import's entries go to the pending list and are merged in bulk.
CREATE INDEX catalogue_item_title_bigrams ON catalogue_item USING gin (title_bigrams) WITH (fastupdate = on);

-- Reference-code prefixes (档号 "A001-WS·2023-"), whatever the database collation.
CREATE INDEX catalogue_item_reference_prefix ON catalogue_item (reference_code text_pattern_ops);
