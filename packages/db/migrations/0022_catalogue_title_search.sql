-- A title's search text (catalogue_search_text: NFKC, ASCII lower case, one
-- space for each whitespace run) kept beside it, NULL when it is the title
-- itself — nearly always, so it costs almost nothing to store.
--
-- The LIKE that confirms a match can then read `coalesce(title_search, title)`
-- instead of calling catalogue_search_text() for every candidate row, and a
-- common word (a few % of all titles) can be found by reading the rows in
-- order until the capped count is reached, which is cheaper than building the
-- bigram index's bitmap of every match (catalogue-search/title-plan.ts).
-- The import computes it with the bigrams (searchTextOf in the domain, the
-- twin of catalogue_search_text); other writers leave both NULL and the
-- trigger fills both.

ALTER TABLE catalogue_item ADD COLUMN title_search text;
ALTER TABLE catalogue_item DISABLE TRIGGER catalogue_item_frozen;
UPDATE catalogue_item SET title_search = catalogue_search_text(title)
 WHERE catalogue_search_text(title) <> title;
ALTER TABLE catalogue_item ENABLE TRIGGER catalogue_item_frozen;

-- Statistics of the search text itself, so that the planner estimates a LIKE on
-- it from the data (a common word's few %) instead of a default 0.5 %: with the
-- default it expects to read the whole table and plans a parallel scan, slower
-- to start and out of catalogue order.
CREATE STATISTICS catalogue_item_title_text ON (coalesce(title_search, title)) FROM catalogue_item;

CREATE OR REPLACE FUNCTION catalogue_item_title_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.title_bigrams IS NULL AND NEW.title IS NOT NULL THEN
      NEW.title_bigrams := catalogue_search_bigrams(NEW.title);
      NEW.title_search := nullif(catalogue_search_text(NEW.title), NEW.title);
    END IF;
  ELSIF NEW.title IS DISTINCT FROM OLD.title AND NEW.title_bigrams IS NOT DISTINCT FROM OLD.title_bigrams THEN
    NEW.title_bigrams := catalogue_search_bigrams(NEW.title);
    NEW.title_search := nullif(catalogue_search_text(NEW.title), NEW.title);
  END IF;
  RETURN NEW;
END $$;
